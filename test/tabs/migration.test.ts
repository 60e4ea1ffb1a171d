import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPaths } from "../../core/migration/importFiles";
import { failedItemsCsv } from "../../core/migration/migrationFailures";
import { migrationOverview } from "../../core/migration/migrationOverview";
import { type MyDrive, myDrives } from "../../core/migration/myDrives";
import { planCsv } from "../../core/migration/planCsv";
import { writeMigrationReports } from "../../graph/devtenant/migration/migrationReports";
import { runSync } from "../../graph/sync/runSync";
import { sitesSync } from "../../graph/sync/sitesSync";
import { chromiumMissing } from "../support/chromium";
import { checkEveryTheme, openAreaByKeyboard, openView, tabsContext, tabThrough } from "../support/tabsBrowser";
import { startTabsFixture, type TabsFixture } from "../support/tabsFixture";

const area = "SharePoint migration";

/** Opens the dashboard as ICT and the Migration area, and waits for its data. */
async function openMigration(page: Page, f: TabsFixture): Promise<void> {
  await openView(page, f.t.app.url, "dashboard", f.ict.upn);
  await page.getByRole("tab", { name: area }).click();
  await page.getByRole("heading", { name: "Progress by wave" }).waitFor({ timeout: 20_000 });
}

describe.skipIf(chromiumMissing)("the Migration view of the ICT Hub dashboard, in a browser", () => {
  let f: TabsFixture;
  let planFile: string;
  let expected: {
    completedWithFailures: string;
    mismatch: string;
    failureCause: string;
    planCsv: string;
    failedCsv: string;
    staffDrive: MyDrive;
  };

  beforeAll(async () => {
    f = await startTabsFixture();
    const council = f.t.app.graph.devTenant?.council;
    if (!council) throw new Error("the test app runs the dev tenant");
    const written = writeMigrationReports(council, mkdtempSync(join(tmpdir(), "icthub-migration-")), {
      itemsPerTask: 5,
    });
    planFile = written.files.find((file) => file.endsWith("plan.csv")) as string;
    const outcomes = await importPaths(f.t.app.store.db, [dirname(planFile)]);
    expect(outcomes.filter((o) => o.result === "refused")).toEqual([]);
    // Verification compares the target libraries' quotas, synced from Graph, with the scans.
    expect((await runSync(f.t.app.syncDeps, sitesSync)).status).toBe("succeeded");

    const db = f.t.app.store.db;
    const overview = await migrationOverview(db, 5, new Date());
    const completed = overview.sources.find((s) => s.completedWithFailures);
    const mismatch = overview.sources.find((s) => s.verification?.status === "mismatch");
    const drive = (await myDrives(db, f.staff.id)).find((d) => d.kind === "home");
    if (!completed || !mismatch || !overview.failures[0] || !drive) {
      throw new Error("the generated council has a task completed with failures, a mismatch and a staff home drive");
    }
    expected = {
      completedWithFailures: completed.uncPath,
      mismatch: mismatch.uncPath,
      failureCause: overview.failures[0].label,
      planCsv: (await planCsv(db)).csv,
      failedCsv: (await failedItemsCsv(db)).csv,
      staffDrive: drive,
    };
  }, 180_000);
  afterAll(() => f?.stop());

  it("shows ICT the waves, progress with table views, tasks completed with failures, causes and mismatches, with no axe findings", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openMigration(page, f);

    await page.getByText(/^Wave 1, .+ sources, .+ moved, .+ items failed\.$/).waitFor();
    const completed = page.getByRole("table", { name: "Completed while items failed" });
    await completed.getByRole("cell", { name: expected.completedWithFailures, exact: false }).first().waitFor();
    const mismatches = page.getByRole("table", { name: "Verification mismatches" });
    await mismatches.getByText(expected.mismatch, { exact: false }).first().waitFor();
    expect(await mismatches.getByText("Differs from the scan").count()).toBeGreaterThan(0);
    const causes = page.getByRole("table", { name: "Failed items by cause" });
    await causes.getByRole("cell", { name: expected.failureCause, exact: true }).waitFor();
    expect(
      await page.getByRole("table", { name: "Home drives moved to OneDrive" }).getByRole("row").count(),
    ).toBeGreaterThan(1);

    expect(await checkEveryTheme(page, "migration")).toEqual({ default: [], dark: [], contrast: [] });

    await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });
    // The wave chart, then its figures as a table.
    const byWave = page.getByRole("figure", { name: "Progress by wave" });
    await byWave.getByRole("button", { name: "Show as a table" }).click();
    const table = page.getByRole("table", { name: "Progress by wave" });
    await table.getByRole("cell", { name: "Wave 1", exact: true }).waitFor();
    expect(await table.getByRole("row").count()).toBe(4);
    expect(await checkEveryTheme(page, "migration-tables")).toEqual({ default: [], dark: [], contrast: [] });
    await context.close();
  }, 150_000);

  it("exports the plan and the failed items as CSV, the same as the routes' files", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openMigration(page, f);

    const lines = (csv: string) =>
      csv
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)
        .filter(Boolean);
    for (const [button, csv, header] of [
      ["Export the plan (CSV)", expected.planCsv, /^Source path,/],
      ["Export failed items (CSV)", expected.failedCsv, /^Source,Owner,Directorate,Item,Cause,/],
    ] as const) {
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: button }).click();
      const saved = await download;
      expect(saved.suggestedFilename()).toMatch(/\.csv$/);
      const got = lines(readFileSync(await saved.path(), "utf8"));
      const want = lines(csv);
      expect(got[0]).toMatch(header);
      expect(got[0]).toBe(want[0]);
      expect(got.length).toBe(want.length);
      expect(got).toContain(want[1]);
    }
    await context.close();
  }, 90_000);

  it("imports uploaded report files: one seen before changes nothing, a malformed one is refused with its line", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openMigration(page, f);

    const bad = join(mkdtempSync(join(tmpdir(), "icthub-upload-")), "SummaryReport.csv");
    writeFileSync(bad, "Source,Status,Task ID\r\n\\\\FS01\\Nowhere,Completed\r\n");
    await page.getByLabel("Report files (CSV or zip)").setInputFiles([planFile, bad]);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const results = page.getByRole("table", { name: "Import results" });
    await results.waitFor({ timeout: 20_000 });
    const plan = results.getByRole("row").filter({ hasText: "plan.csv" });
    await expect.poll(() => plan.innerText()).toMatch(/Already imported: nothing changed/);
    const refused = results.getByRole("row").filter({ hasText: "SummaryReport.csv" });
    expect(await refused.innerText()).toMatch(
      /Refused[\s\S]*SummaryReport\.csv line 2\b.*Nothing from this file was kept/,
    );
    expect(await checkEveryTheme(page, "migration-import")).toEqual({ default: [], dark: [], contrast: [] });
    await context.close();
  }, 90_000);

  it("is reachable by keyboard: the area's tab, the chart toggles, the filters, the exports and the upload", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openView(page, f.t.app.url, "dashboard", f.ict.upn);
    await openAreaByKeyboard(page, "area-migration");
    await page.getByRole("heading", { name: "Progress by wave" }).waitFor({ timeout: 20_000 });

    const reached = await tabThrough(page, "BUTTON:Import", 250);
    for (const want of [
      "BUTTON:Show as a table",
      "SELECT:Wave",
      "SELECT:Kind of drive",
      "BUTTON:Export the plan (CSV)",
      "BUTTON:Export failed items (CSV)",
      "INPUT:Report files (CSV or zip)",
      "BUTTON:Import",
    ]) {
      expect([...reached], want).toContain(want);
    }
    await context.close();
  }, 90_000);

  it("fits a phone's width: nothing but the tables and charts scrolls sideways, and axe finds nothing", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    await openMigration(page, f);
    await page.getByRole("table", { name: "Completed while items failed" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await checkEveryTheme(page, "migration-phone")).toEqual({ default: [], dark: [], contrast: [] });
    await context.close();
  }, 120_000);

  it("shows a member of staff their home drive in My ICT and where it lives now", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openView(page, f.t.app.url, "my-ict", f.staff.upn);
    const drives = page.getByRole("table", { name: "Your drives" });
    await drives.waitFor({ timeout: 20_000 });
    const row = drives.getByRole("row").filter({ hasText: expected.staffDrive.label });
    await expect.poll(() => row.innerText()).toContain(expected.staffDrive.stateLabel);
    expect(await row.innerText()).toContain(expected.staffDrive.whereNow);
    if (["migrated", "verified", "read-only", "decommissioned"].includes(expected.staffDrive.state)) {
      const link = row.getByRole("link", { name: `Open ${expected.staffDrive.label}` });
      expect(await link.getAttribute("href")).toBe(expected.staffDrive.url);
    }
    expect(await checkEveryTheme(page, "migration-my-ict")).toEqual({ default: [], dark: [], contrast: [] });
    await context.close();
  }, 90_000);
});
