import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissing } from "../support/chromium";
import { checkEveryTheme, openView, tabsContext } from "../support/tabsBrowser";
import { requestLaptopThroughBot, startTabsFixture, type TabsFixture } from "../support/tabsFixture";

describe.skipIf(chromiumMissing)("the ICT Hub dashboard in a browser, signed in through the dev tenant", () => {
  let f: TabsFixture;

  beforeAll(async () => {
    f = await startTabsFixture();
    await requestLaptopThroughBot(f.t, f.staff);
  }, 120_000);
  afterAll(() => f?.stop());

  it("shows ICT the estate by directorate, OS, age and compliance, each chart with a table view", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openView(page, f.t.app.url, "dashboard", f.ict.upn);

    await page.getByRole("heading", { name: "By directorate" }).waitFor({ timeout: 20_000 });
    expect(await page.getByText(/Data last synced/).count()).toBeGreaterThan(3);
    expect(await page.getByText(/\d+ devices: /).count()).toBe(1);
    const due = page.getByRole("table", { name: "Devices due for refresh" });
    await due.waitFor();
    expect(await due.getByRole("row").count()).toBeGreaterThan(1);

    expect(await checkEveryTheme(page, "dashboard-refresh")).toEqual({ default: [], dark: [], contrast: [] });

    await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });
    await page.getByRole("button", { name: "Show as a table" }).first().click();
    const byDirectorate = page.getByRole("table", { name: "By directorate" });
    await byDirectorate.waitFor();
    expect(await byDirectorate.getByRole("row").count()).toBeGreaterThan(2);
    await context.close();
  }, 120_000);

  it("fits a phone's width: nothing but the tables and charts scrolls sideways, and axe finds nothing", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    await openView(page, f.t.app.url, "dashboard", f.ict.upn);
    await page.getByRole("table", { name: "Devices due for refresh" }).waitFor({ timeout: 20_000 });

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await checkEveryTheme(page, "dashboard-phone")).toEqual({ default: [], dark: [], contrast: [] });
    await context.close();
  }, 120_000);

  it("sorts, filters and pages the devices due, and exports them as CSV", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openView(page, f.t.app.url, "dashboard", f.ict.upn);
    const due = page.getByRole("table", { name: "Devices due for refresh" });
    await due.waitFor({ timeout: 20_000 });

    await due.getByRole("button", { name: "Owner" }).click();
    await expect
      .poll(() => due.getByRole("columnheader", { name: "Owner" }).getAttribute("aria-sort"))
      .toBe("ascending");
    await page.getByRole("combobox", { name: "Refresh state" }).selectOption("overdue");
    await expect
      .poll(async () => new Set(await due.locator("tbody tr td:nth-child(5)").allInnerTexts()))
      .toEqual(new Set(["Overdue"]));

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, "utf8");
    expect(csv.split("\n").length).toBeGreaterThan(2);
    await context.close();
  }, 90_000);

  it("shows the requests by stage and self-help statistics, with no axe findings", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openView(page, f.t.app.url, "dashboard", f.ict.upn);

    await page.getByRole("tab", { name: "Device requests" }).click();
    await page.getByRole("table", { name: "Device requests" }).getByText(f.staff.name).waitFor({ timeout: 20_000 });
    expect(await checkEveryTheme(page, "dashboard-requests")).toEqual({ default: [], dark: [], contrast: [] });

    await page.getByRole("tab", { name: "Self-help and service desk" }).click();
    await page.getByRole("heading", { name: "Service desk tickets" }).waitFor();
    expect(await checkEveryTheme(page, "dashboard-selfhelp")).toEqual({ default: [], dark: [], contrast: [] });
    await context.close();
  }, 120_000);

  it("refuses the dashboard to a staff member", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openView(page, f.t.app.url, "dashboard", f.staff.upn);
    await page.getByText("This view is for ICT staff.").waitFor();
    expect(await page.getByRole("table").count()).toBe(0);
    expect(await checkEveryTheme(page, "dashboard-refused")).toEqual({ default: [], dark: [], contrast: [] });
    await context.close();
  }, 60_000);
});
