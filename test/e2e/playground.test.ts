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

  it("shows the bot's answer to a message typed by a person", async () => {
    const page = await browser.newPage();
    // The playground asks a CDN for fonts; nothing may leave this machine.
    await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(playgroundUrl);
    const editor = page.locator("[data-lexical-editor=true]");
    await editor.click({ timeout: 30_000 });
    await editor.pressSequentially("My laptop will not start");
    await editor.press("Enter");
    await expect
      .poll(async () => page.getByText("can't answer ICT questions in chat yet").count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: join(projectRoot, "test-results", "playground.png") });
  }, 60_000);
});
