import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { importPaths } from "../../../core/migration/importFiles";
import { verifyTargets } from "../../../core/migration/verification";
import { upsertSites } from "../../../core/sharepoint/siteRepository";
import type { Store } from "../../../core/store/openStore";
import { saveUsageReportDay } from "../../../core/usage/usageRepository";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";

const GB = 1024 ** 3;
const sites = [
  { name: "Finance", guid: "11111111-1111-1111-1111-111111111111", usedBytes: 10 * GB, files: 1000 },
  { name: "Housing", guid: "22222222-2222-2222-2222-222222222222", usedBytes: 10 * GB, files: 700 },
];

/** A plan and summaries for two shares scanned at 10 GB and 1,000 files each, both migrated. */
function reports(): string {
  const dir = mkdtempSync(join(tmpdir(), "icthub-verify-"));
  writeFileSync(
    join(dir, "plan.csv"),
    [
      "Source path,Kind,Target site,Task ID",
      ...sites.map((s) => `\\\\fs01\\${s.name},shared,https://council.sharepoint.com/sites/${s.name}/,task-${s.name}`),
    ].join("\r\n"),
  );
  writeFileSync(
    join(dir, "ScanReport.csv"),
    ["Source path,Data size,File count", ...sites.map((s) => `\\\\fs01\\${s.name},10 GB,1000`)].join("\r\n"),
  );
  writeFileSync(
    join(dir, "SummaryReport.csv"),
    ["Source,Status,Task ID", ...sites.map((s) => `\\\\fs01\\${s.name},Completed,task-${s.name}`)].join("\r\n"),
  );
  return dir;
}

describeOnEachEngine("migration verification against Graph", (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openMigratedStore(engine);
    await upsertSites(
      store.db,
      sites.map((s) => ({
        id: `council.sharepoint.com,${s.guid},33333333-3333-3333-3333-333333333333`,
        name: s.name,
        displayName: s.name,
        webUrl: `https://council.sharepoint.com/sites/${s.name}`,
        createdAt: null,
        driveId: `b!${s.name}`,
        quota: { totalBytes: 1024 * GB, usedBytes: s.usedBytes, remainingBytes: 0, deletedBytes: 0, state: "normal" },
        rootChildCount: 3,
      })),
      1,
      new Date(),
    );
    await importPaths(store.db, [reports()]);
  });
  afterEach(() => store?.close());

  /** The site usage report with concealed names: URLs blank, only the site id to join on. */
  const concealedSiteUsage = (date: string) =>
    saveUsageReportDay(
      store.db,
      {
        report: "getSharePointSiteUsageDetail",
        date,
        refreshDate: date,
        concealedNames: true,
        rows: sites.map((s) => ({
          "Report Refresh Date": date,
          "Site Id": s.guid,
          "Site URL": "",
          "Owner Display Name": "5E8A2C0D1B",
          "File Count": String(s.files),
          "Storage Used (Byte)": String(s.usedBytes),
        })),
      },
      new Date(),
    );

  it("joins a concealed site usage report by site id, and passes a target whose bytes and files agree with the scan", async () => {
    await concealedSiteUsage("2026-11-20");
    const finance = [...(await verifyTargets(store.db, 5)).values()].find((v) =>
      v.siteId?.includes(sites[0]?.guid ?? "-"),
    );
    expect(finance).toMatchObject({
      status: "match",
      expectedBytes: 10 * GB,
      actualBytes: 10 * GB,
      expectedFiles: 1000,
      actualFiles: 1000,
    });
  });

  it("flags a target whose file count differs from the scan by more than the tolerance, and not within a wider one", async () => {
    await concealedSiteUsage("2026-11-20");
    const housing = (tolerance: number) =>
      verifyTargets(store.db, tolerance).then((all) =>
        [...all.values()].find((v) => v.siteId?.includes(sites[1]?.guid ?? "-")),
      );
    expect(await housing(5)).toMatchObject({
      status: "mismatch",
      expectedFiles: 1000,
      actualFiles: 700,
      differencePercent: 30,
    });
    expect((await housing(35))?.status).toBe("match");
  });

  it("says a target site is not found when the sites API has no site at the plan's URL, and compares the drive quota alone before any usage report", async () => {
    await store.db
      .updateTable("migration_source")
      .set({ target_site_url: "https://council.sharepoint.com/sites/Gone" })
      .where("unc_path", "=", "\\\\fs01\\Finance")
      .execute();
    const statuses = [...(await verifyTargets(store.db, 5)).values()].map((v) => v.status).sort();
    expect(statuses).toEqual(["match", "site-not-found"]);
  });
});
