import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness";
import { fixtureGuid } from "./support/smallCouncil";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

type Page = { value: Record<string, unknown>[]; "@odata.nextLink"?: string };
const laptop = fixtureGuid(4, 2);

describe("Intune managed devices", () => {
  it("lists devices with their primary user, paged by $top", async () => {
    const first = (await (await h.graph("/v1.0/deviceManagement/managedDevices?$top=25")).json()) as Page;
    expect(first.value).toHaveLength(25);
    const second = (await (
      await h.graph((first["@odata.nextLink"] ?? "").replace(h.tenant.graphBaseUrl, ""))
    ).json()) as Page;
    expect(second.value).toHaveLength(15);
    expect(second["@odata.nextLink"]).toBeUndefined();
    expect(first.value[1]).toMatchObject({
      id: laptop,
      deviceName: "LLAN-LT-04802",
      operatingSystem: "Windows",
      userPrincipalName: expect.stringMatching(/@llanfair\.gov\.uk$/),
      managedDeviceOwnerType: "company",
      complianceState: "compliant",
    });
  });

  it("has no hardwareInformation in v1.0: selecting it is refused, as Graph v1.0 refuses it", async () => {
    const list = (await (await h.graph("/v1.0/deviceManagement/managedDevices?$top=1")).json()) as Page;
    expect(list.value[0]).not.toHaveProperty("hardwareInformation");
    const single = await h.graph(`/v1.0/deviceManagement/managedDevices/${laptop}?$select=id,hardwareInformation`);
    expect(single.status).toBe(400);
  });

  it("carries only empty hardware defaults in a beta list, even when selected", async () => {
    const list = (await (
      await h.graph("/beta/deviceManagement/managedDevices?$select=id,hardwareInformation&$top=3")
    ).json()) as Page;
    for (const device of list.value) {
      expect(device.hardwareInformation).toMatchObject({
        tpmSpecificationVersion: null,
        systemManagementBIOSVersion: null,
      });
    }
  });

  it("fills hardwareInformation when one device is read in beta with $select=hardwareInformation", async () => {
    const device = (await (
      await h.graph(`/beta/deviceManagement/managedDevices/${laptop}?$select=id,hardwareInformation`)
    ).json()) as { hardwareInformation: Record<string, unknown> };
    expect(device.hardwareInformation).toMatchObject({
      tpmSpecificationVersion: "2.0",
      systemManagementBIOSVersion: "1.31.0",
      batteryChargeCycles: 120,
      operatingSystemEdition: "Enterprise",
    });
    expect(device.hardwareInformation).not.toHaveProperty("biosReleaseDate");
    expect(JSON.stringify(device)).not.toContain("Core(TM)");
  });

  it("answers 404 for a device that is not enrolled", async () => {
    expect((await h.graph(`/v1.0/deviceManagement/managedDevices/${fixtureGuid(4, 999)}`)).status).toBe(404);
  });
});
