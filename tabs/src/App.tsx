import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useState } from "react";
import { t } from "../../core/messages/catalogue";
import { SignedInGate } from "./SignedInGate";
import { EmptyScene } from "./scenes/EmptyScene";
import { MyIctScene } from "./scenes/myIct/MyIctScene";
import { connectToHost, type Host, type HostTheme, registerChannelTabConfig } from "./teamsHost";

// The dashboard brings the charts: loaded only when asked for, so that My ICT stays light.
const DashboardScene = lazy(() => import("./scenes/dashboard/DashboardScene"));

const themes = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

/** Which view the URL asks for: ?view=my-ict | dashboard | config. */
type View = "my-ict" | "dashboard" | "config";
const viewFromUrl = (): View => {
  const view = new URLSearchParams(window.location.search).get("view");
  return view === "dashboard" || view === "config" ? view : "my-ict";
};

export function App() {
  const [host, setHost] = useState<Host | null>(null);
  const [theme, setTheme] = useState<HostTheme>("default");
  const view = viewFromUrl();

  useEffect(() => {
    void connectToHost().then((connected) => {
      setHost(connected);
      setTheme(connected.theme);
      connected.onThemeChange(setTheme);
      if (connected.inTeams && view === "config") registerChannelTabConfig(t("tab.dashboard"));
    });
  }, [view]);

  const loading = <Spinner label={t("tabs.loading")} style={{ padding: tokens.spacingVerticalXXL }} />;
  return (
    <FluentProvider theme={themes[theme]} style={{ minHeight: "100vh", background: tokens.colorNeutralBackground1 }}>
      {host === null ? (
        <main>{loading}</main>
      ) : (
        <>
          {!host.inTeams && (
            <header>
              <MessageBar intent="info">
                <MessageBarBody>{t("tabs.notInTeams")}</MessageBarBody>
              </MessageBar>
            </header>
          )}
          {view === "config" ? (
            <EmptyScene heading={t("tabs.config.heading")} body={t("tabs.config.body")} />
          ) : (
            <SignedInGate inTeams={host.inTeams}>
              {view === "dashboard" ? (
                <Suspense fallback={<main>{loading}</main>}>
                  <DashboardScene />
                </Suspense>
              ) : (
                <MyIctScene />
              )}
            </SignedInGate>
          )}
        </>
      )}
    </FluentProvider>
  );
}
