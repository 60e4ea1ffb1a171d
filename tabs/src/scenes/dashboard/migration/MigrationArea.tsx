import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { t } from "../../../../../core/messages/catalogue";
import type { MigrationOverview } from "../../../api/migrationTypes";
import { ErrorBar } from "../../../components/ErrorBar";
import { LastSynced } from "../../../components/LastSynced";
import { ResourceView } from "../../../components/ResourceView";
import { Section } from "../../../components/Section";
import { useSignedIn } from "../../../data/apiContext";
import { useResource } from "../../../data/useResource";
import { formatDay, formatNumber } from "../../../format";
import { downloadCsv } from "../csvDownload";
import { FailuresSection } from "./FailuresSection";
import { ImportSection } from "./ImportSection";
import { MigrationBurndown } from "./MigrationBurndown";
import { formatBytes } from "./migrationFormat";
import { ProgressChart } from "./ProgressChart";
import { SourcesTable } from "./SourcesTable";
import { VerificationSection } from "./VerificationSection";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 28rem), 1fr))",
    gap: tokens.spacingVerticalXL,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  waves: { margin: 0, paddingInlineStart: "1.2em" },
});

/**
 * File shares to SharePoint and OneDrive, wave by wave: progress, burndown,
 * failures, verification, exports and the import of the tools' reports.
 * Loaded only when ICT opens the area, so the dashboard's first load stays light.
 */
export default function MigrationArea() {
  const styles = useStyles();
  const { api } = useSignedIn();
  const overview = useResource("ict-migration", (a) => a.get<MigrationOverview>("/ict/migration"));
  const [exportError, setExportError] = useState<unknown>(null);
  const today = new Date().toISOString().slice(0, 10);
  const exportCsv = (path: string, name: string) => {
    setExportError(null);
    downloadCsv(api, path, `${name}-${today}.csv`).catch(setExportError);
  };

  return (
    <div className={styles.column}>
      <ResourceView resource={overview}>
        {(data) => {
          const started = data.waves.filter((w) => w.burndown.some((p) => p.remainingBytes !== null));
          return data.sources.length === 0 ? (
            <Section heading={t("tabs.migration.heading")}>
              <Body1 as="p">{t("tabs.migration.empty")}</Body1>
            </Section>
          ) : (
            <>
              <Section heading={t("tabs.migration.heading")}>
                <LastSynced at={data.syncedAt} />
                <ul className={styles.waves}>
                  {data.waves.map((w) => (
                    <li key={w.id}>
                      <Body1>
                        {t("tabs.migration.waveLine", {
                          name: w.name,
                          from: w.startsOn ? formatDay(w.startsOn) : "—",
                          to: w.endsOn ? formatDay(w.endsOn) : "—",
                          directorates: w.directorates.join(", ") || "—",
                          sources: formatNumber(w.totals.sources),
                          migrated: formatBytes(w.totals.migratedBytes),
                          planned: formatBytes(w.totals.plannedBytes),
                          failed: formatNumber(w.totals.failedItems),
                        })}
                      </Body1>
                    </li>
                  ))}
                </ul>
                <div className={styles.grid}>
                  <ProgressChart
                    title={t("tabs.migration.byWave")}
                    rows={data.waves.map((w) => ({ name: w.name, totals: w.totals }))}
                    syncedAt={data.syncedAt}
                  />
                  <ProgressChart
                    title={t("tabs.migration.byDirectorate")}
                    rows={data.directorates.map((d) => ({
                      name: d.directorate || t("tabs.migration.noDirectorate"),
                      totals: d.totals,
                    }))}
                    syncedAt={data.syncedAt}
                  />
                </div>
              </Section>
              <Section heading={t("tabs.migration.burndown")}>
                {started.length === 0 ? (
                  <Body1>{t("tabs.migration.noBurndown")}</Body1>
                ) : (
                  <div className={styles.grid}>
                    {started.map((w) => (
                      <MigrationBurndown key={w.id} wave={w} syncedAt={data.syncedAt} />
                    ))}
                  </div>
                )}
              </Section>
              <SourcesTable sources={data.sources} waves={data.waves} />
              <FailuresSection sources={data.sources} failures={data.failures} syncedAt={data.syncedAt} />
              <VerificationSection
                sources={data.sources}
                tolerancePercent={data.tolerancePercent}
                syncedAt={data.syncedAt}
              />
            </>
          );
        }}
      </ResourceView>
      <Section heading={t("tabs.migration.exports")}>
        <Body1 as="p">{t("tabs.migration.exportsIntro")}</Body1>
        <div className={styles.actions}>
          <Button onClick={() => exportCsv("/ict/migration/plan.csv", "migration-plan")}>
            {t("tabs.migration.exportPlan")}
          </Button>
          <Button onClick={() => exportCsv("/ict/migration/failed-items.csv", "failed-items")}>
            {t("tabs.migration.exportFailures")}
          </Button>
        </div>
        {exportError !== null && <ErrorBar error={exportError} />}
      </Section>
      <ImportSection onImported={overview.reload} />
    </div>
  );
}
