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
import { useEffect, useState } from "react";
import { t } from "../../core/messages/catalogue";
import { EmptyScene } from "./scenes/EmptyScene";
import { connectToHost, type Host, type HostTheme, registerChannelTabConfig } from "./teamsHost";

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

  return (
    <FluentProvider theme={themes[theme]} style={{ minHeight: "100vh", background: tokens.colorNeutralBackground1 }}>
      {host === null ? (
        <Spinner label={t("tabs.loading")} style={{ padding: tokens.spacingVerticalXXL }} />
      ) : (
        <>
          {!host.inTeams && (
            <MessageBar intent="info">
              <MessageBarBody>{t("tabs.notInTeams")}</MessageBarBody>
            </MessageBar>
          )}
          {view === "config" && <EmptyScene heading={t("tabs.config.heading")} body={t("tabs.config.body")} />}
          {view === "dashboard" && (
            <EmptyScene heading={t("tabs.dashboard.heading")} body={t("tabs.dashboard.empty")} />
          )}
          {view === "my-ict" && <EmptyScene heading={t("tabs.myIct.heading")} body={t("tabs.myIct.empty")} />}
        </>
      )}
    </FluentProvider>
  );
}
