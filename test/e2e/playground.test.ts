import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissing, launchChromium } from "../support/chromium";
import { freePort, projectRoot, waitFor } from "../support/process";
import { startTestApp, type TestApp } from "../support/testApp";

describe.skipIf(chromiumMissing)("chatting with the bot in Microsoft 365 Agents Playground", () => {
  let t: TestApp;
  let playground: ChildProcess;
  let browser: Browser;
  let playgroundUrl: string;

  beforeAll(async () => {
    t = await startTestApp();
    const port = await freePort();
    playgroundUrl = `http://localhost:${port}`;
    playground = spawn(
      join(projectRoot, "node_modules", ".bin", "agentsplayground"),
      ["--disable-telemetry", "-e", `${t.app.url}/api/messages`, "-c", "msteams", "-p", String(port)],
      {
        cwd: mkdtempSync(join(tmpdir(), "icthub-playground-")),
        env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none" },
        stdio: "ignore",
      },
    );
    await waitFor(playgroundUrl, 30_000);
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    playground?.kill("SIGTERM");
    await t?.stop();
  });

  it("answers a typed question with an article card, and raises a ticket when the person presses Talk to someone", async () => {
    const page = await browser.newPage();
    // The playground asks a CDN for fonts; nothing may leave this machine.
    await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(playgroundUrl);
    const editor = page.locator("[data-lexical-editor=true]");
    await editor.click({ timeout: 30_000 });
    await editor.pressSequentially("I forgot my password");
    await editor.press("Enter");

    const talk = page.getByRole("button", { name: "Talk to someone" }).last();
    await talk.waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByRole("button", { name: "That helped" }).count()).toBeGreaterThan(0);
    await talk.click();
    await expect.poll(() => page.getByText(/Ticket ICT-\d{6} raised/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(projectRoot, "test-results", "playground.png") });
  }, 60_000);
});
