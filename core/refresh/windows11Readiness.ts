import type { DeviceHardware, ManagedDeviceTable } from "../devices/managedDevice";
import { isWindows11Build, windowsBuild } from "../devices/windowsVersion";
import { type MessageKey, t } from "../messages/catalogue";
import { knownModel } from "./modelCatalogue";

/**
 * Whether a device can run Windows 11, from what the store really holds: the
 * Windows build (Intune's device list), the TPM version (Intune's per-device
 * hardware facts) and the processor (not in Intune's data at all: known only
 * through the model, from the model catalogue). Where a fact is missing the
 * verdict is "unknown" and says which fact, rather than guessing.
 */
export type Windows11Verdict = "not-windows" | "running" | "capable" | "not-capable" | "unknown";

export type Windows11Readiness = {
  verdict: Windows11Verdict;
  /** The evidence in words, for a reason; empty when Windows 11 is not in question. */
  why: string;
};

/** The parts of a synced device this reads; a whole managed_device row will do. */
export type Windows11Facts = Pick<ManagedDeviceTable, "operating_system" | "os_version" | "model"> & {
  hardware: Pick<DeviceHardware, "tpmSpecificationVersion"> | null;
};

/** One requirement: met, not met, or not known from the data. */
type Requirement = { met: boolean | undefined; said: string };

export function windows11Readiness(device: Windows11Facts): Windows11Readiness {
  if (device.operating_system.toLowerCase() !== "windows") return { verdict: "not-windows", why: "" };
  const build = windowsBuild(device.operating_system, device.os_version);
  if (build === null) return { verdict: "unknown", why: t("refresh.windows11.noVersion") };
  if (isWindows11Build(build)) return { verdict: "running", why: "" };

  const requirements = [processorRequirement(device.model), tpmRequirement(device.hardware)];
  const unmet = requirements.filter((r) => r.met === false);
  if (unmet.length > 0) return { verdict: "not-capable", why: inWords(unmet) };
  const unknown = requirements.filter((r) => r.met === undefined);
  if (unknown.length > 0) return { verdict: "unknown", why: inWords(unknown) };
  return { verdict: "capable", why: inWords(requirements) };
}

function processorRequirement(model: string | null): Requirement {
  if (!model) return { met: undefined, said: t("refresh.windows11.noModel") };
  const met = knownModel(model)?.meetsWindows11ProcessorFloor;
  const key: MessageKey =
    met === undefined
      ? "refresh.windows11.processorUnknown"
      : met
        ? "refresh.windows11.processorMeets"
        : "refresh.windows11.processorBelow";
  return { met, said: t(key, { model }) };
}

function tpmRequirement(hardware: Windows11Facts["hardware"]): Requirement {
  if (!hardware) return { met: undefined, said: t("refresh.windows11.hardwareNotRead") };
  // Intune reports "2.0", or for some chips "2.0, 0, 1.38": the specification comes first.
  const version = /^\s*(\d+)\.(\d+)/.exec(hardware.tpmSpecificationVersion ?? "");
  if (!version) return { met: undefined, said: t("refresh.windows11.noTpm") };
  if (Number(version[1]) >= 2) return { met: true, said: t("refresh.windows11.tpm2") };
  return { met: false, said: t("refresh.windows11.tpmOld", { version: `${version[1]}.${version[2]}` }) };
}

const inWords = (requirements: Requirement[]) =>
  requirements.map((r) => r.said).reduce((first, second) => t("refresh.windows11.both", { first, second }));
