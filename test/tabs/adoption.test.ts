import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adoptionOverview, adoptionTrend, overviewCsv, trendCsv } from "../../core/adoption/adoptionView";
import { type GeneratedCouncil, seedAdoptionCouncil } from "../support/adoptionFactories";
import { chromiumMissing } from "../support/chromium";
import { checkEveryTheme, openAreaByKeyboard, openView, tabsContext, tabThrough } from "../support/tabsBrowser";
import { startTabsFixture, type TabsFixture } from "../support/tabsFixture";

const heading = "Teams and Microsoft 365 adoption";
const hiddenWhy = "Hidden: fewer than 10 staff, or hidden so that a smaller group can't be worked out";

/** Opens the dashboard as ICT and the Adoption area, and waits for its figures. */
async function openAdoption(page: Page, f: TabsFixture): Promise<void> {
  await openView(page, f.t.app.url, "dashboard", f.ict.upn);
  await page.getByRole("tab", { name: "Adoption" }).click();
  await page.getByRole("heading", { name: heading }).waitFor({ timeout: 20_000 });
  await page.getByRole("table", { name: "Adoption by directorate" }).waitFor();
}

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter(Boolean);

describe.skipIf(chromiumMissing)("the Adoption view of the ICT Hub dashboard, in a browser", () => {
  let f: TabsFixture;
  let council: GeneratedCouncil;

  beforeAll(async () => {
    f = await startTabsFixture();
    // Twenty weeks of figures for a council of 400, its staff in the directory so that champions can be picked.
    council = await seedAdoptionCouncil(f.t.app.store.db, { staff: 400, weeks: 20, directory: true, days: true });
  }, 180_000);
  afterAll(() => f?.stop());

  it("shows the council's scores explained, directorates with hidden ones saying why, services, champions, trends, targets and tips, with no axe findings", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openAdoption(page, f);

    await page.getByRole("heading", { name: `Whole council (${council.staff} staff)` }).waitFor();
    const scores = page.getByRole("list", { name: "Adoption scores" });
    expect(await scores.getByRole("listitem").count()).toBe(5);
    await scores.getByText("The percentage of staff who sent at least one Teams chat or channel message").waitFor();
    const directorates = page.getByRole("table", { name: "Adoption by directorate" });
    const small = directorates.getByRole("row").filter({ hasText: council.smallDirectorate });
    expect(await small.innerText()).toContain(hiddenWhy);
    const place = directorates.getByRole("row").filter({ hasText: "Place" });
    expect(await place.innerText()).toMatch(/\d+(\.\d)?%/);

    // Into a directorate: its services, the smallest hidden, and a champion found by name.
    await page.getByRole("button", { name: "Details for Place" }).click();
    const services = page.getByRole("table", { name: "Services in Place" });
    expect(await services.getByRole("row").filter({ hasText: council.smallService.service }).innerText()).toContain(
      hiddenWhy,
    );
    await page.getByLabel("Find someone by name").fill("Gwen");
    await page.getByRole("button", { name: "Find", exact: true }).click();
    const found = page.getByRole("list", { name: "People found" });
    const first = found.getByRole("listitem").first();
    const name = (await first.innerText()).split(" (")[0] ?? "";
    await first.getByRole("button", { name: /^Add .+ as a champion for Place$/ }).click();
    const champions = page.getByRole("list", { name: "Digital champions for Place" });
    await champions.getByText(name).waitFor();
    await expect.poll(() => place.innerText()).toContain(name);

    // A trend as a line and as a table.
    await page.getByLabel("Measure", { exact: true }).first().selectOption("communication");
    const trend = page.getByRole("figure", { name: "Communication score: Whole council" });
    await trend.getByRole("button", { name: "Show as a table" }).click();
    const trendTable = page.getByRole("table", { name: "Communication score: Whole council" });
    await expect.poll(() => trendTable.getByRole("row").count()).toBe(council.monthStarts.length + 1);

    // A target set through the form, then in the progress table.
    const targetForm = page.getByRole("form", { name: "Set a target" });
    await targetForm.getByLabel("Directorate").selectOption("Children's Services");
    await targetForm.getByLabel("Measure").selectOption("teamsActive");
    await targetForm.getByLabel("Target (% of staff)").fill("95");
    const due = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    await targetForm.getByLabel("By (date)").fill(due);
    await targetForm.getByRole("button", { name: "Save target" }).click();
    const targets = page.getByRole("table", { name: "Targets and progress" });
    await targets.getByRole("cell", { name: "Children's Services", exact: true }).waitFor();
    await page
      .getByRole("list", { name: "Furthest behind" })
      .getByText(/Active in Teams in Children's Services/)
      .waitFor();

    // A tip to a directorate, then among the campaigns with its delivery and, until 28 days have passed, no effect yet.
    // The frequency cap (ADOPTION_TIP_GAP_DAYS, 14 by default) is in the tips' introduction.
    await page.getByText(/Nobody gets more than one tip every 14 days/).waitFor({ timeout: 5_000 });
    const tipForm = page.getByRole("form", { name: "Send a tip" });
    await tipForm.getByLabel("Everyone in a directorate").check();
    await tipForm.getByLabel("Directorate", { exact: true }).selectOption("Place");
    await tipForm.getByRole("button", { name: "Send tip" }).click();
    const placeStaff = council.directorates.find((d) => d.name === "Place")?.staff;
    await tipForm.getByText(new RegExp(`is on its way to ${placeStaff} people`)).waitFor();
    const campaign = page
      .getByRole("table", { name: "Tips sent" })
      .getByRole("row")
      .filter({ hasText: "Everyone in Place" });
    expect(await campaign.innerText()).toMatch(/Measured once 28 days of reports after sending have arrived/);
    expect(await campaign.innerText()).toMatch(new RegExp(`\\b${placeStaff}\\b`));

    expect(await checkEveryTheme(page, "adoption")).toEqual({ default: [], dark: [], contrast: [] });

    // The week view of the same area.
    await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });
    await page.getByLabel("Period", { exact: true }).selectOption("week");
    await expect.poll(() => page.getByLabel("Which one").inputValue()).toBe(council.weekStarts.at(-1));
    await trend.getByRole("button", { name: "Show as a table" }).waitFor();
    expect(await checkEveryTheme(page, "adoption-week")).toEqual({ default: [], dark: [], contrast: [] });
    await context.close();
  }, 180_000);

  it("exports the overview and the trend as CSV, the same as the routes' files", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openAdoption(page, f);
    const db = f.t.app.store.db;
    const today = new Date().toISOString().slice(0, 10);
    const overview = await adoptionOverview(db, { period: "month", threshold: 10, today });
    const trend = await adoptionTrend(db, {
      period: "month",
      measure: "teamsActive",
      directorate: "Place",
      threshold: 10,
    });
    await page.getByLabel("Directorate", { exact: true }).first().selectOption("Place");
    await page.getByRole("figure", { name: "Active in Teams: Place" }).waitFor();

    for (const [button, csv] of [
      ["Export these figures (CSV)", overviewCsv(overview)],
      ["Export the trend (CSV)", trendCsv(trend)],
    ] as const) {
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: button }).click();
      const saved = await download;
      expect(saved.suggestedFilename()).toMatch(/^adoption-.+\.csv$/);
      const got = readFileSync(await saved.path(), "utf8");
      expect(lines(got)).toEqual(lines(csv));
      expect(lines(got).length).toBeGreaterThan(2);
    }
    await context.close();
  }, 90_000);

  it("is reachable by keyboard: the area's tab, the period, the charts' tables, details, the trend, targets and tips", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openView(page, f.t.app.url, "dashboard", f.ict.upn);
    await openAreaByKeyboard(page, "area-adoption");
    await page.getByRole("table", { name: "Adoption by directorate" }).waitFor({ timeout: 20_000 });
    await page.getByRole("heading", { name: "Adoption tips" }).waitFor();
    await page.getByRole("button", { name: "Send tip" }).waitFor();

    const reached = await tabThrough(page, "BUTTON:Send tip", 300);
    for (const want of [
      "SELECT:Period",
      "SELECT:Which one",
      "BUTTON:Export these figures (CSV)",
      "SELECT:Compare directorates by",
      "BUTTON:Show as a table",
      "BUTTON:Details for Place",
      "SELECT:Measure",
      "BUTTON:Export the trend (CSV)",
      "INPUT:Target (% of staff)",
      "INPUT:By (date)",
      "BUTTON:Save target",
      "SELECT:Tip",
      "BUTTON:Send tip",
    ]) {
      expect([...reached], want).toContain(want);
    }
    // A directorate's details open from the keyboard too.
    await page.getByRole("button", { name: "Details for Resources" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("table", { name: "Services in Resources" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Resources");
    await context.close();
  }, 90_000);

  it("fits a phone's width: nothing but the tables and charts scrolls sideways, and axe finds nothing", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    await openAdoption(page, f);
    await page.getByRole("button", { name: "Details for Place" }).click();
    await page.getByRole("table", { name: "Services in Place" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await checkEveryTheme(page, "adoption-phone")).toEqual({ default: [], dark: [], contrast: [] });
    await context.close();
  }, 120_000);
});
