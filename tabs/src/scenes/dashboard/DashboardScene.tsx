import { MessageBar, MessageBarBody, makeStyles, Spinner, Tab, TabList, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import { t } from "../../../../core/messages/catalogue";
import { Scene } from "../../components/Scene";
import { useSignedIn } from "../../data/apiContext";
import { PulsesArea } from "./pulses/PulsesArea";
import { RefreshSection } from "./RefreshSection";
import { RequestsBoard } from "./RequestsBoard";
import { SelfHelpSection } from "./SelfHelpSection";

// Migration brings its own charts and tables: loaded when ICT opens it, so the dashboard's first load stays light.
const MigrationArea = lazy(() => import("./migration/MigrationArea"));
const AdoptionArea = lazy(() => import("./adoption/AdoptionArea"));

type Area = "refresh" | "requests" | "selfhelp" | "pulses" | "migration" | "adoption";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  // On a phone the three areas go onto more than one line rather than off the screen.
  areas: { flexWrap: "wrap" },
});

/** The ICT Hub dashboard, for ICT staff only (the API refuses anyone else too). */
export default function DashboardScene() {
  const styles = useStyles();
  const { me } = useSignedIn();
  const [area, setArea] = useState<Area>("refresh");
  if (!me.roles.includes("ict")) {
    return (
      <Scene heading={t("tabs.dashboard.heading")}>
        <MessageBar intent="warning">
          <MessageBarBody>{t("tabs.dashboard.forbidden")}</MessageBarBody>
        </MessageBar>
      </Scene>
    );
  }
  return (
    <Scene heading={t("tabs.dashboard.heading")}>
      <TabList className={styles.areas} selectedValue={area} onTabSelect={(_e, data) => setArea(data.value as Area)}>
        <Tab value="refresh" id="area-refresh" aria-controls="area-panel">
          {t("tabs.dashboard.refresh")}
        </Tab>
        <Tab value="requests" id="area-requests" aria-controls="area-panel">
          {t("tabs.dashboard.requests")}
        </Tab>
        <Tab value="selfhelp" id="area-selfhelp" aria-controls="area-panel">
          {t("tabs.dashboard.selfhelp")}
        </Tab>
        <Tab value="pulses" id="area-pulses" aria-controls="area-panel">
          {t("tabs.pulses.area")}
        </Tab>
        <Tab value="migration" id="area-migration" aria-controls="area-panel">
          {t("tabs.migration.area")}
        </Tab>
        <Tab value="adoption" id="area-adoption" aria-controls="area-panel">
          {t("tabs.adoption.area")}
        </Tab>
      </TabList>
      <div id="area-panel" role="tabpanel" aria-labelledby={`area-${area}`} className={styles.panel}>
        {area === "refresh" && <RefreshSection />}
        {area === "requests" && <RequestsBoard />}
        {area === "selfhelp" && <SelfHelpSection />}
        {area === "pulses" && <PulsesArea />}
        {area === "migration" && (
          <Suspense fallback={<Spinner size="small" label={t("tabs.loadingSection")} />}>
            <MigrationArea />
          </Suspense>
        )}
        {area === "adoption" && (
          <Suspense fallback={<Spinner size="small" label={t("tabs.loadingSection")} />}>
            <AdoptionArea />
          </Suspense>
        )}
      </div>
    </Scene>
  );
}
