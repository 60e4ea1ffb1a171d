import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPulseScheduler } from "../../bot/pulses/pulseSending";
import { answerPulse } from "../../core/pulses/answers";
import { chromiumMissing } from "../support/chromium";
import { checkEveryTheme, openView, tabsContext } from "../support/tabsBrowser";
import { startTabsFixture, type TabsFixture } from "../support/tabsFixture";

const title = "ICT services, spring check-in";
const comment = "The new laptops are much quicker to start";
const noFindings = { default: [], dark: [], contrast: [] };

/** Opens the dashboard's pulses area as the ICT user. */
async function openPulses(page: Page, f: TabsFixture): Promise<void> {
  await openView(page, f.t.app.url, "dashboard", f.ict.upn);
  await page.getByRole("tab", { name: "Satisfaction pulses" }).click();
  await page.getByRole("heading", { name: "Satisfaction pulses", level: 2 }).waitFor({ timeout: 20_000 });
}

describe.skipIf(chromiumMissing)("satisfaction pulses in the ICT Hub dashboard, in a browser", () => {
  let f: TabsFixture;

  beforeAll(async () => {
    f = await startTabsFixture();
    // Someone has ICT Hub in Teams, as in any council using it: the bot knows where Teams is.
    await f.t.channel.driver.install(f.t.channel.driver.user(f.staff.name, f.staff.id));
  }, 120_000);
  afterAll(() => f?.stop());

  it("lets ICT make a pulse through the form, with the card previewed as staff will get it, and find it in the list", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openPulses(page, f);
    await page.getByText("No pulses yet.").waitFor();
    expect(await checkEveryTheme(page, "pulses-empty")).toEqual(noFindings);
    await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });

    await page.getByRole("button", { name: "New pulse" }).click();
    const titleBox = page.getByRole("textbox", { name: "Title" });
    // A title too short: the server's words appear beside the field once the preview has asked.
    await titleBox.fill("Hi");
    await page.getByText("between 3 and 120 characters").waitFor();
    expect(await titleBox.getAttribute("aria-invalid")).toBe("true");
    await titleBox.fill(title);

    const card = page.getByRole("group", { name: /The card as staff will get it/ });
    await card.getByText(title).waitFor();
    await card.getByText("How satisfied are you with ICT services?").waitFor();
    await page.getByText(/It would go to \d+ people/).waitFor();
    // Nothing in the preview does anything.
    const cardControls = card.locator("button, input, textarea");
    expect(await cardControls.count()).toBeGreaterThan(0);
    for (const control of await cardControls.all()) expect(await control.isDisabled()).toBe(true);

    // The audience follows the choice: one directorate reaches fewer people than everyone.
    const everyone = Number((await page.getByText(/It would go to \d+ people/).innerText()).match(/\d+/)?.[0]);
    await page.getByRole("radio", { name: "Chosen directorates" }).check();
    await page.getByRole("group", { name: "Directorates" }).getByRole("checkbox").first().check();
    await expect
      .poll(async () => Number((await page.getByText(/It would go to \d+ people/).innerText()).match(/\d+/)?.[0]))
      .toBeLessThan(everyone);
    await page.getByRole("radio", { name: "All staff" }).check();
    await expect.poll(() => page.getByText(`It would go to ${everyone} people`).count()).toBe(1);
    await page.getByRole("checkbox", { name: /recommend ICT/ }).check();
    await card.getByText(/recommend ICT's service/).waitFor();

    expect(await checkEveryTheme(page, "pulses-new")).toEqual(noFindings);
    await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });

    await page.getByRole("button", { name: "Create pulse" }).click();
    await page.getByText(`“${title}” has been created.`).waitFor({ timeout: 20_000 });
    const list = page.getByRole("table", { name: "Satisfaction pulses" });
    await list.getByRole("button", { name: title }).waitFor();
    await list.getByText("All staff").waitFor();
    await list.getByText("Not sent yet").waitFor();

    // Keyboard only: Tab reaches the pulse, Enter opens it, and focus lands on the way back.
    await page.getByRole("button", { name: "New pulse" }).focus();
    let reached = false;
    for (let presses = 0; presses < 15 && !reached; presses++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate((name) => document.activeElement?.textContent === name, title);
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: title, level: 2 }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Back to pulses");
    await page.getByText("Nothing has been sent yet.").first().waitFor();
    await context.close();
  }, 120_000);

  it("shows a run's results with a suppressed directorate, the delivery report and its CSV, and takes actions", async () => {
    const { app } = f.t;
    const db = app.store.db;
    const deps = { db, log: app.requests.log, outbox: app.outbox, now: () => new Date() };
    expect((await runPulseScheduler(deps)).started).toBe(1);
    await app.outbox.settle();

    const run = await db.selectFrom("pulse_run").select("id").executeTakeFirstOrThrow();
    const invitees = await db
      .selectFrom("pulse_invitee")
      .select(["aad_object_id", "directorate"])
      .where("run_id", "=", run.id)
      .orderBy("aad_object_id")
      .execute();
    const of = (directorate: string) => invitees.filter((i) => i.directorate === directorate);
    // Eight from the largest directorate (shown); three and two from the others (fewer than five: hidden).
    const answering = [
      ...of("Adult Social Care").slice(0, 8),
      ...of("Resources").slice(0, 3),
      ...of("Chief Executive's Office").slice(0, 2),
    ];
    expect(answering).toHaveLength(13);
    for (const [index, person] of answering.entries()) {
      const outcome = await answerPulse(db, {
        runId: run.id,
        aadObjectId: person.aad_object_id,
        answer: { rating: (index % 5) + 1, recommend: 10 - (index % 4), comment: index === 0 ? comment : null },
        now: new Date(),
      });
      expect(outcome.kind).toBe("answered");
    }
    await runPulseScheduler(deps);

    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await openPulses(page, f);
    await page.getByRole("table", { name: "Satisfaction pulses" }).getByText("13 of").waitFor();
    await page.getByRole("button", { name: title }).click();
    await page.getByRole("heading", { name: title, level: 2 }).waitFor();

    const results = page.getByRole("region", { name: "Results" });
    await results.getByText("Net Promoter Score").waitFor();
    const byDirectorate = results.getByRole("table", { name: "Results by directorate" });
    await byDirectorate.getByRole("row", { name: /Adult Social Care 8/ }).waitFor();
    await byDirectorate
      .getByRole("row", { name: /Resources/ })
      .getByText("Fewer than 5 answered — hidden to protect anonymity")
      .waitFor();
    await results.getByText(comment).waitFor();
    await results.getByRole("button", { name: "Show as a table" }).click();
    const ratings = results.getByRole("table", { name: "Ratings given" });
    expect(await ratings.getByRole("row").count()).toBe(6);

    const delivery = page.getByRole("region", { name: "Delivery" });
    await delivery
      .getByRole("table", { name: /messages by state/ })
      .getByText("Sent")
      .waitFor();
    const download = page.waitForEvent("download");
    await delivery.getByRole("button", { name: "Download delivery CSV" }).click();
    const csv = readFileSync(await (await download).path(), "utf8");
    expect(csv.split("\n")[0]).toContain("Sign-in name");
    expect(csv.trim().split("\n").length).toBe(invitees.length + 1);

    expect(await checkEveryTheme(page, "pulses-results")).toEqual(noFindings);
    await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });

    const actions = page.getByRole("region", { name: "You said, we did" });
    await actions.getByRole("textbox", { name: "You said" }).fill("Laptops took too long to start");
    await actions.getByRole("textbox", { name: "We did" }).fill("We replaced 400 of the oldest laptops");
    await actions.getByRole("button", { name: "Publish to everyone who answered" }).click();
    await actions.getByText("Published: on its way to 13 people.").waitFor();
    await actions.getByRole("listitem").getByText("We replaced 400 of the oldest laptops").waitFor();

    await page.getByRole("button", { name: "Send reminder" }).click();
    await page.getByText(/A reminder is on its way to \d+ people/).waitFor();

    await page.getByRole("button", { name: "Cancel pulse" }).click();
    const dialog = page.getByRole("dialog", { name: `Cancel “${title}”?` });
    await dialog.waitFor();
    expect(await checkEveryTheme(page, "pulses-cancel")).toEqual(noFindings);
    await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });
    await dialog.getByRole("button", { name: "Yes, cancel the pulse" }).click();
    await page.getByText(`“${title}” has been cancelled.`).waitFor();
    await expect.poll(() => page.getByRole("button", { name: "Cancel pulse" }).isDisabled()).toBe(true);
    await context.close();
  }, 120_000);

  it("fits a phone's width, the form and a pulse alike, and axe finds nothing", async () => {
    const context = await tabsContext(f.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    await openPulses(page, f);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

    await page.getByRole("button", { name: "New pulse" }).click();
    await page.getByRole("textbox", { name: "Title" }).fill("Phone check");
    await page
      .getByRole("group", { name: /The card as staff will get it/ })
      .getByText("Phone check")
      .waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await checkEveryTheme(page, "pulses-new-phone")).toEqual(noFindings);
    await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });

    await page.getByRole("button", { name: "Discard" }).click();
    await page.getByRole("button", { name: title }).click();
    await page.getByRole("table", { name: "Results by directorate" }).waitFor({ timeout: 20_000 });
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await checkEveryTheme(page, "pulses-results-phone")).toEqual(noFindings);
    await context.close();
  }, 120_000);
});
