import { mkdirSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { build } from "vite";
import { projectRoot } from "./process";

/** Teams' three themes as a plain browser signals them: colour scheme, and forced colours for high contrast. */
export const themes = {
  default: { colorScheme: "light", forcedColors: "none" },
  dark: { colorScheme: "dark", forcedColors: "none" },
  contrast: { colorScheme: "dark", forcedColors: "active" },
} as const;
export type ThemeName = keyof typeof themes;

export const screenshotDir = join(projectRoot, "test-results", "screenshots");

/** Builds the tabs as `npm run build` does, into a folder of their own so that tests never race over dist/. */
export async function buildTabs(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "icthub-tabs-"));
  await build({
    configFile: join(projectRoot, "tabs", "vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/**
 * A browser context that signs in through the dev tenant. Its identity
 * endpoint has a self-signed certificate, which this context alone trusts.
 */
export function tabsContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
}

/** Opens a view signed in as the person with this sign-in name, and waits for its heading. */
export async function openView(page: Page, appUrl: string, view: string, loginHint: string): Promise<void> {
  // Nothing may leave this machine.
  await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  const url = new URL(appUrl);
  url.search = new URLSearchParams({ view, login_hint: loginHint }).toString();
  await page.goto(url.toString());
  await page.getByRole("heading", { level: 1 }).waitFor({ timeout: 20_000 });
}

const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/**
 * Runs axe-core in the page and answers its violations, each with the elements
 * it found. Fluent's focus manager (Tabster) puts empty `<i tabindex=0
 * aria-hidden>` sentinels at the edges of tab lists and charts that pass focus
 * straight on; they hold no content, so they are left out rather than reported
 * as hidden focusable content.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    type Axe = { run(context: unknown): Promise<{ violations: unknown[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    return (await axe.run({ exclude: [["[data-tabster-dummy]"]] })).violations;
  });
  return (violations as AxeViolation[]).map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/** Checks a view in each theme: a screenshot for the record, and axe's findings. */
export async function checkEveryTheme(page: Page, name: string): Promise<Record<ThemeName, string[]>> {
  mkdirSync(screenshotDir, { recursive: true });
  const found = {} as Record<ThemeName, string[]>;
  for (const [theme, media] of Object.entries(themes) as [ThemeName, (typeof themes)[ThemeName]][]) {
    await page.emulateMedia(media);
    // Let the theme change settle (Fluent restyles on the media query's change event).
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshotDir, `${name}-${theme}.png`), fullPage: true });
    found[theme] = await axeViolations(page);
  }
  return found;
}

/** A fresh folder for test artefacts other than screenshots. */
export const artefactDir = () => mkdtempSync(join(tmpdir(), "icthub-artefacts-"));

/** Opens a dashboard area as a keyboard user does: arrow keys along the area tabs from the first, then Enter. */
export async function openAreaByKeyboard(page: Page, areaId: string): Promise<void> {
  await page.getByRole("tab", { name: "Device refresh" }).focus();
  for (let i = 0; i < 8; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === areaId) break;
    await page.keyboard.press("ArrowRight");
  }
  await page.keyboard.press("Enter");
}

/**
 * Presses Tab until `last` has focus (or `most` presses), naming each control
 * reached as `TAG:accessible label` (its <label>, aria-label or text).
 */
export async function tabThrough(page: Page, last: string, most: number): Promise<Set<string>> {
  const reached = new Set<string>();
  for (let i = 0; i < most; i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
      return `${el.tagName}:${label ?? el.getAttribute("aria-label") ?? el.textContent ?? ""}`.trim();
    });
    reached.add(name);
    if (name === last) break;
  }
  return reached;
}
