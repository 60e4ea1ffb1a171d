import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphReportLimit } from "../../../graph/devtenant/graphApi/reports/reportThrottle";
import { type Harness, startHarness } from "./support/harness";

let h: Harness;
let clock: Date;
beforeAll(async () => {
  clock = new Date("2026-11-23T09:00:00Z");
  h = await startHarness({ now: () => clock, reportThrottle: false });
});
afterAll(() => h.stop());

/** Asks Graph for a report and follows the 302, without a token, as the CSV link needs none. */
async function download(call: string) {
  const redirect = await h.graph(`/v1.0/reports/${call}`);
  expect(redirect.status).toBe(302);
  const bytes = Buffer.from(await (await h.fetch(redirect.headers.get("location") ?? "")).arrayBuffer());
  const text = bytes.toString("utf8");
  const lines = text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  return { bytes, header: lines[0] ?? "", rows: lines.slice(1).map((l) => l.split(",")) };
}

describe("usage reports", () => {
  it("answers 302 to a CSV with a byte-order mark and Microsoft's exact Teams header", async () => {
    const { bytes, header, rows } = await download("getTeamsUserActivityUserDetail(period='D7')");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header).toBe(
      "Report Refresh Date,Tenant Display Name,Shared Channel Tenant Display Names,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Call Count,Meeting Count,Post Messages,Reply Messages,Urgent Messages,Meetings Organized Count,Meetings Attended Count,Ad Hoc Meetings Organized Count,Ad Hoc Meetings Attended Count,Scheduled One-time Meetings Organized Count,Scheduled One-time Meetings Attended Count,Scheduled Recurring Meetings Organized Count,Scheduled Recurring Meetings Attended Count,Audio Duration,Video Duration,Screen Share Duration,Audio Duration In Seconds,Video Duration In Seconds,Screen Share Duration In Seconds,Has Other Action,Is Licensed,Report Period",
    );
    // 29 licensed people; data lands two days late; a D7 report says 7.
    expect(rows).toHaveLength(29);
    expect(rows.every((r) => r[0] === "2026-11-21" && r.at(-1) === "7")).toBe(true);
    expect(rows.some((r) => r[4] === "priya.shah@llanfair.gov.uk")).toBe(true);
  });

  it("serves each report with its documented columns", async () => {
    const headers = {
      "getOffice365ActiveUserDetail(period='D30')":
        "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last Activity Date,Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign Date,Skype For Business License Assign Date,Yammer License Assign Date,Teams License Assign Date,Assigned Products",
      "getEmailActivityUserDetail(period='D7')":
        "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Last Activity Date,Send Count,Receive Count,Read Count,Meeting Created Count,Meeting Interacted Count,Assigned Products,Report Period",
      "getTeamsDeviceUsageUserDetail(period='D7')":
        "Report Refresh Date,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Used Web,Used Windows Phone,Used iOS,Used Mac,Used Android Phone,Used Windows,Used Chrome OS,Used Linux,Is Licensed,Report Period",
      "getM365AppUserDetail(period='D7')":
        "Report Refresh Date,User Principal Name,Last Activation Date,Last Activity Date,Report Period,Windows,Mac,Mobile,Web,Outlook,Word,Excel,PowerPoint,OneNote,Teams,Outlook (Windows),Word (Windows),Excel (Windows),PowerPoint (Windows),OneNote (Windows),Teams (Windows),Outlook (Mac),Word (Mac),Excel (Mac),PowerPoint (Mac),OneNote (Mac),Teams (Mac),Outlook (Mobile),Word (Mobile),Excel (Mobile),PowerPoint (Mobile),OneNote (Mobile),Teams (Mobile),Outlook (Web),Word (Web),Excel (Web),PowerPoint (Web),OneNote (Web),Teams (Web)",
      "getOneDriveUsageAccountDetail(period='D7')":
        "Report Refresh Date,Site URL,Owner Display Name,Is Deleted,Last Activity Date,File Count,Active File Count,Storage Used (Byte),Storage Allocated (Byte),Owner Principal Name,Report Period",
      "getSharePointSiteUsageDetail(period='D7')":
        "Report Refresh Date,Site Id,Site URL,Owner Display Name,Is Deleted,Last Activity Date,File Count,Active File Count,Page View Count,Visited Page Count,Storage Used (Byte),Storage Allocated (Byte),Root Web Template,Owner Principal Name,Report Period",
    };
    for (const [call, header] of Object.entries(headers)) {
      const report = await download(call);
      expect(report.header, call).toBe(header);
      expect(
        report.rows.every((r) => r.length === header.split(",").length),
        call,
      ).toBe(true);
    }
  });

  it("sums a day's activity for date=, and refuses a date more than 28 days back", async () => {
    const day = await download("getEmailActivityUserDetail(date=2026-11-20)");
    expect(day.rows.every((r) => r[0] === "2026-11-20" && r.at(-1) === "1")).toBe(true);
    const old = await h.graph("/v1.0/reports/getEmailActivityUserDetail(date=2026-10-20)");
    expect(old.status).toBe(400);
    expect(((await old.json()) as { error: { message: string } }).error.message).toBe(
      "Only support data for the past 28 days",
    );
  });

  it("refuses a period Graph does not offer", async () => {
    expect((await h.graph("/v1.0/reports/getEmailActivityUserDetail(period='D8')")).status).toBe(400);
  });

  it("conceals names as 32 upper-case hex characters when the tenant says so, and blanks site URLs", async () => {
    const before = (await (await h.graph("/v1.0/admin/reportSettings")).json()) as { displayConcealedNames: boolean };
    expect(before.displayConcealedNames).toBe(false);
    h.tenant.council.reportSettings.displayConcealedNames = true;
    try {
      const after = (await (await h.graph("/v1.0/admin/reportSettings")).json()) as { displayConcealedNames: boolean };
      expect(after.displayConcealedNames).toBe(true);
      const teams = await download("getTeamsUserActivityUserDetail(period='D7')");
      expect(teams.rows.every((r) => /^[0-9A-F]{32}$/.test(r[3] ?? "") && /^[0-9A-F]{32}$/.test(r[4] ?? ""))).toBe(
        true,
      );
      const again = await download("getTeamsUserActivityUserDetail(period='D7')");
      expect(again.rows.map((r) => r[4])).toEqual(teams.rows.map((r) => r[4]));
      const sites = await download("getSharePointSiteUsageDetail(period='D7')");
      expect(sites.rows.every((r) => r[2] === "" && /^[0-9a-f-]{36}$/.test(r[1] ?? ""))).toBe(true);
    } finally {
      h.tenant.council.reportSettings.displayConcealedNames = false;
    }
  });

  it("lets a CSV link lapse after five minutes", async () => {
    const redirect = await h.graph("/v1.0/reports/getTeamsDeviceUsageUserDetail(period='D7')");
    const link = redirect.headers.get("location") ?? "";
    clock = new Date(clock.getTime() + 5 * 60_000 + 1);
    expect((await h.fetch(link)).status).toBe(404);
  });
});

describe("report throttling", () => {
  it("answers the 15th call to one report within ten minutes with 429 and Retry-After", async () => {
    const throttled = await startHarness({ reportThrottle: graphReportLimit });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 14; i++) {
        statuses.push((await throttled.graph("/v1.0/reports/getSharePointSiteUsageDetail(period='D7')")).status);
      }
      expect(statuses.slice(0, 14)).toEqual(Array(14).fill(302));
      const last = await throttled.graph("/v1.0/reports/getSharePointSiteUsageDetail(period='D7')");
      expect(last.status).toBe(429);
      expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await throttled.graph("/v1.0/reports/getOneDriveUsageAccountDetail(period='D7')")).status).toBe(302);
    } finally {
      await throttled.stop();
    }
  });
});
