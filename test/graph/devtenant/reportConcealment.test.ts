import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDevTenantArgs } from "../../../graph/devtenant/cliArgs";
import { activityFor, advanceCouncil, generateCouncil } from "../../../graph/devtenant/council";
import { addDays } from "../../../graph/devtenant/graphApi/reports/reportWindow";
import { type Harness, startHarness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    council: generateCouncil({ seed: 11, staff: 120, devices: 0 }),
    activityFor,
    advanceCouncil,
  });
});
afterAll(() => h.stop());

/** The per-person reports adoption reads, with their columns as ../shared/facts/usage-reports.md lists them. */
const documented: Record<string, string> = {
  getTeamsUserActivityUserDetail:
    "Report Refresh Date,Tenant Display Name,Shared Channel Tenant Display Names,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Call Count,Meeting Count,Post Messages,Reply Messages,Urgent Messages,Meetings Organized Count,Meetings Attended Count,Ad Hoc Meetings Organized Count,Ad Hoc Meetings Attended Count,Scheduled One-time Meetings Organized Count,Scheduled One-time Meetings Attended Count,Scheduled Recurring Meetings Organized Count,Scheduled Recurring Meetings Attended Count,Audio Duration,Video Duration,Screen Share Duration,Audio Duration In Seconds,Video Duration In Seconds,Screen Share Duration In Seconds,Has Other Action,Is Licensed,Report Period",
  getOffice365ActiveUserDetail:
    "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last Activity Date,Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign Date,Skype For Business License Assign Date,Yammer License Assign Date,Teams License Assign Date,Assigned Products",
  getM365AppUserDetail:
    "Report Refresh Date,User Principal Name,Last Activation Date,Last Activity Date,Report Period,Windows,Mac,Mobile,Web,Outlook,Word,Excel,PowerPoint,OneNote,Teams,Outlook (Windows),Word (Windows),Excel (Windows),PowerPoint (Windows),OneNote (Windows),Teams (Windows),Outlook (Mac),Word (Mac),Excel (Mac),PowerPoint (Mac),OneNote (Mac),Teams (Mac),Outlook (Mobile),Word (Mobile),Excel (Mobile),PowerPoint (Mobile),OneNote (Mobile),Teams (Mobile),Outlook (Web),Word (Web),Excel (Web),PowerPoint (Web),OneNote (Web),Teams (Web)",
  getEmailActivityUserDetail:
    "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Last Activity Date,Send Count,Receive Count,Read Count,Meeting Created Count,Meeting Interacted Count,Assigned Products,Report Period",
  getTeamsDeviceUsageUserDetail:
    "Report Refresh Date,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Used Web,Used Windows Phone,Used iOS,Used Mac,Used Android Phone,Used Windows,Used Chrome OS,Used Linux,Is Licensed,Report Period",
  getOneDriveUsageAccountDetail:
    "Report Refresh Date,Site URL,Owner Display Name,Is Deleted,Last Activity Date,File Count,Active File Count,Storage Used (Byte),Storage Allocated (Byte),Owner Principal Name,Report Period",
};

/** Asks for a report and follows the 302 (the CSV link needs no token); fields split naively, as no value has a comma. */
async function download(call: string) {
  const redirect = await h.graph(`/v1.0/reports/${call}`);
  expect(redirect.status, call).toBe(302);
  const text = await (await h.fetch(redirect.headers.get("location") ?? "")).text();
  const lines = text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  return { header: lines[0] ?? "", rows: lines.slice(1).map((line) => line.split(",")) };
}

async function setConcealed(displayConcealedNames: unknown) {
  return h.fetch(`${h.tenant.url}/_admin/report-settings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ displayConcealedNames }),
  });
}

const licensed = () => [...h.tenant.council.users.values()].filter((user) => user.isLicensed);

describe("usage reports for any landed day of the last 28", () => {
  it("answers every day from 28 days back to the refresh date with a row per licensed person in the documented columns", async () => {
    const today = h.tenant.council.today;
    for (let back = 28; back >= 2; back--) {
      const date = addDays(today, -back);
      const { header, rows } = await download(`getTeamsUserActivityUserDetail(date=${date})`);
      expect(header, date).toBe(documented.getTeamsUserActivityUserDetail);
      expect(rows, date).toHaveLength(licensed().length);
      expect(
        rows.every((row) => row.length === header.split(",").length && row[0] === date && row.at(-1) === "1"),
        date,
      ).toBe(true);
    }
    for (const date of [addDays(today, -28), addDays(today, -2)]) {
      for (const [report, columns] of Object.entries(documented)) {
        const { header, rows } = await download(`${report}(date=${date})`);
        expect(header, `${report} ${date}`).toBe(columns);
        expect(rows, `${report} ${date}`).toHaveLength(licensed().length);
      }
    }
  });

  it("gives a header and no rows for a day that has not landed yet, and refuses the 29th day back", async () => {
    const today = h.tenant.council.today;
    const notLanded = await download(`getTeamsUserActivityUserDetail(date=${addDays(today, -1)})`);
    expect(notLanded.header).toBe(documented.getTeamsUserActivityUserDetail);
    expect(notLanded.rows).toEqual([]);
    const tooOld = await h.graph(`/v1.0/reports/getTeamsUserActivityUserDetail(date=${addDays(today, -29)})`);
    expect(tooOld.status).toBe(400);
  });
});

describe("switching concealed names", () => {
  it("hides every name, UPN and user id in all per-person reports once switched on, and Graph's reportSettings says so", async () => {
    const switched = await setConcealed(true);
    expect(switched.status).toBe(200);
    expect(await switched.json()).toEqual({ displayConcealedNames: true });
    try {
      const settings = (await (await h.graph("/v1.0/admin/reportSettings")).json()) as Record<string, unknown>;
      expect(settings.displayConcealedNames).toBe(true);
      const admin = await h.fetch(`${h.tenant.url}/_admin/report-settings`);
      expect(await admin.json()).toEqual({ displayConcealedNames: true });

      const real = new Set(licensed().flatMap((user) => [user.id, user.userPrincipalName, user.displayName]));
      const date = addDays(h.tenant.council.today, -3);
      for (const report of Object.keys(documented)) {
        for (const call of [`${report}(date=${date})`, `${report}(period='D7')`]) {
          const { header, rows } = await download(call);
          expect(rows.length, call).toBe(licensed().length);
          const nameColumns = header
            .split(",")
            .flatMap((column, index) =>
              ["User Id", "User Principal Name", "Display Name", "Owner Display Name", "Owner Principal Name"].includes(
                column,
              )
                ? [index]
                : [],
            );
          expect(nameColumns.length, call).toBeGreaterThan(0);
          for (const row of rows) {
            for (const index of nameColumns) expect(row[index], call).toMatch(/^[0-9A-F]{32}$/);
            for (const field of row) expect(real.has(field), `${call}: ${field}`).toBe(false);
            expect(row.join(",")).not.toContain(`@${h.tenant.council.domain}`);
          }
        }
      }
    } finally {
      expect((await setConcealed(false)).status).toBe(200);
    }
    const settings = (await (await h.graph("/v1.0/admin/reportSettings")).json()) as Record<string, unknown>;
    expect(settings.displayConcealedNames).toBe(false);
    const shown = await download("getEmailActivityUserDetail(period='D7')");
    expect(shown.rows.some((row) => row[1]?.endsWith(`@${h.tenant.council.domain}`))).toBe(true);
  });

  it("refuses a body that is not one true or false, and leaves the setting as it was", async () => {
    for (const body of ['{"displayConcealedNames":"yes"}', "{}", '{"displayConcealedNames":true,"extra":1}', "[]"]) {
      const response = await h.fetch(`${h.tenant.url}/_admin/report-settings`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(response.status, body).toBe(400);
    }
    expect(h.tenant.council.reportSettings.displayConcealedNames).toBe(false);
  });

  it("starts concealed from the command line with --conceal-names, and shown without it", () => {
    expect(parseDevTenantArgs(["--conceal-names"]).concealNames).toBe(true);
    expect(parseDevTenantArgs([]).concealNames).toBe(false);
  });
});
