import { app, pages } from "@microsoft/teams-js";

/** Teams' three themes, and what a plain browser maps to. */
export type HostTheme = "default" | "dark" | "contrast";

export type Host = {
  /** False in a plain browser (development). */
  inTeams: boolean;
  theme: HostTheme;
  locale: string;
  /** Calls back when the user changes theme in Teams (or in the OS, outside Teams). */
  onThemeChange(listener: (theme: HostTheme) => void): void;
};

const asTheme = (value: string | undefined): HostTheme =>
  value === "dark" || value === "contrast" ? value : "default";

/**
 * Connects to Teams when the page is inside it. A page that is not framed
 * cannot be in Teams; there initialize() would wait for a host that never answers.
 */
export async function connectToHost(): Promise<Host> {
  if (window.parent === window && !window.opener) return browserHost();
  await app.initialize();
  const context = await app.getContext();
  app.notifySuccess();
  return {
    inTeams: true,
    theme: asTheme(context.app.theme),
    locale: context.app.locale,
    onThemeChange: (listener) => app.registerOnThemeChangeHandler((theme) => listener(asTheme(theme))),
  };
}

function browserHost(): Host {
  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const contrast = window.matchMedia("(forced-colors: active)");
  const current = (): HostTheme => (contrast.matches ? "contrast" : dark.matches ? "dark" : "default");
  return {
    inTeams: false,
    theme: current(),
    locale: navigator.language,
    onThemeChange: (listener) => {
      dark.addEventListener("change", () => listener(current()));
      contrast.addEventListener("change", () => listener(current()));
    },
  };
}

/** On the channel tab's configuration page: what Teams saves when the user selects Save. */
export function registerChannelTabConfig(displayName: string) {
  pages.config.registerOnSaveHandler((saveEvent) => {
    const base = `${window.location.origin}/?view=dashboard`;
    pages.config
      .setConfig({
        entityId: "ict-hub-dashboard",
        contentUrl: base,
        websiteUrl: base,
        suggestedDisplayName: displayName,
      })
      .then(() => saveEvent.notifySuccess())
      .catch((error: unknown) => saveEvent.notifyFailure(String(error)));
  });
  pages.config.setValidityState(true);
}
