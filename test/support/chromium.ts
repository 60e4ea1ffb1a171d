import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium; never a downloaded browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumMissing = !existsSync(chromiumPath);
if (chromiumMissing) {
  if (process.env.CI)
    throw new Error(`CI must run the browser tests, but ${chromiumPath} is missing (apt-get install -y chromium)`);
  console.warn(`SKIPPING browser tests: ${chromiumPath} is missing (apt-get install -y chromium).`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}
