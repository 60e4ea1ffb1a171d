import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissing } from "../support/chromium";
import { checkEveryTheme, openView, tabsContext } from "../support/tabsBrowser";
import { requestLaptopThroughBot, startTabsFixture, type TabsFixture } from "../support/tabsFixture";

describe.skipIf(chromiumMissing)("My ICT in a browser, signed in through the dev tenant", () => {
  let f: TabsFixture;

  beforeAll(async () => {
    f = await startTabsFixture();
    await requestLaptopThroughBot(f.t, f.staff);
  }, 120_000);
  afterAll(() => f?.stop());

  it("shows a staff member their devices with refresh states and their request, with no axe findings in any theme", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openView(page, f.t.app.url, "my-ict", f.staff.upn);

    const devices = page.getByRole("table", { name: "My devices" });
    await devices.waitFor();
    expect(await devices.getByRole("row").count()).toBeGreaterThan(1);
    await expect.poll(() => page.getByText(/Data last synced/).count()).toBeGreaterThan(0);
    const requests = page.getByRole("table", { name: "My device requests" });
    await requests.getByText("Standard laptop").waitFor();
    expect(await page.getByRole("heading", { name: "Waiting for your approval" }).count()).toBe(0);

    expect(await checkEveryTheme(page, "my-ict-staff")).toEqual({ default: [], dark: [], contrast: [] });
    await context.close();
  }, 90_000);

  it("answers a self-help search from the knowledge base and raises a ticket", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openView(page, f.t.app.url, "my-ict", f.staff.upn);

    await page.getByRole("searchbox", { name: "Ask an ICT question" }).fill("I forgot my password");
    await page.getByRole("button", { name: "Search" }).click();
    await page
      .getByRole("link", { name: /password/i })
      .first()
      .waitFor();

    await page.getByRole("button", { name: "Raise ticket" }).click();
    await page.getByText("Fill this in to raise a ticket.").first().waitFor();
    await page.getByRole("textbox", { name: "Subject" }).fill("Printer on floor 2 jams");
    await page.getByRole("textbox", { name: "What is the problem?" }).fill("It jams on every double-sided job.");
    await page.getByRole("button", { name: "Raise ticket" }).click();
    await page.getByText(/Ticket ICT-\d{6} raised/).waitFor();
    await page.getByRole("table", { name: "My tickets" }).getByText("Printer on floor 2 jams").waitFor();
    await context.close();
  }, 60_000);

  it("fits a phone's width: nothing but the tables scrolls sideways, and axe finds nothing", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    await openView(page, f.t.app.url, "my-ict", f.manager.upn);
    await page
      .getByRole("region", { name: "Waiting for your approval" })
      .getByRole("button", { name: "Approve" })
      .first()
      .waitFor();

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await checkEveryTheme(page, "my-ict-phone")).toEqual({ default: [], dark: [], contrast: [] });
    await context.close();
  }, 60_000);

  it("can be used by keyboard alone: search, then raise a ticket", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openView(page, f.t.app.url, "my-ict", f.staff.upn);
    /** Presses Tab until the control has focus, as a keyboard user would reach it. */
    const tabTo = async (control: Locator) => {
      for (let presses = 0; presses < 80; presses++) {
        if (await control.evaluate((el) => el === document.activeElement)) return;
        await page.keyboard.press("Tab");
      }
      throw new Error("the control cannot be reached with Tab");
    };

    await tabTo(page.getByRole("searchbox", { name: "Ask an ICT question" }));
    await page.keyboard.type("my laptop is really slow");
    await tabTo(page.getByRole("button", { name: "Search" }));
    await page.keyboard.press("Enter");
    await page.getByRole("link", { name: /slow/i }).first().waitFor();

    await tabTo(page.getByRole("textbox", { name: "Subject" }));
    await page.keyboard.type("Keyboard only ticket");
    await tabTo(page.getByRole("textbox", { name: "What is the problem?" }));
    await page.keyboard.type("Raised without a mouse.");
    await tabTo(page.getByRole("button", { name: "Raise ticket" }));
    await page.keyboard.press("Enter");
    await page.getByText(/Ticket ICT-\d{6} raised/).waitFor();
    await context.close();
  }, 60_000);

  it("lets a manager approve a request from My ICT, which changes its state for the requester", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openView(page, f.t.app.url, "my-ict", f.manager.upn);

    const approvals = page.getByRole("region", { name: "Waiting for your approval" });
    await approvals.getByText(new RegExp(`from ${f.staff.name}`)).waitFor();
    await checkEveryTheme(page, "my-ict-manager").then((found) =>
      expect(found).toEqual({ default: [], dark: [], contrast: [] }),
    );
    await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });

    // A rejection needs a reason: without one nothing is sent.
    await approvals.getByRole("button", { name: "Reject" }).click();
    await approvals.getByText("Give a reason for rejecting the request.").waitFor();

    await approvals.getByRole("textbox", { name: /Comment/ }).fill("Of course");
    await approvals.getByRole("button", { name: "Approve" }).click();
    await page.getByText(/DR-\d{6} is now approved/).waitFor();
    await approvals.getByText("Nothing is waiting for your approval.").waitFor();

    const mine = await context.newPage();
    await openView(mine, f.t.app.url, "my-ict", f.staff.upn);
    await mine
      .getByRole("table", { name: "My device requests" })
      .getByText(/^approved$/)
      .waitFor();
    await context.close();
  }, 90_000);
});
