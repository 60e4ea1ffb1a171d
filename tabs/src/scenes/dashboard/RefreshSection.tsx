import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../../../core/messages/catalogue";
import type { RefreshSummary } from "../../api/types";
import { LastSynced } from "../../components/LastSynced";
import { ResourceView } from "../../components/ResourceView";
import { Section } from "../../components/Section";
import { useResource } from "../../data/useResource";
import { formatNumber } from "../../format";
import { BreakdownChart } from "./BreakdownChart";
import { DueDevicesTable } from "./DueDevicesTable";
import { stateLabel, stateOrder } from "./stateColours";
import { WavesSection } from "./WavesSection";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 28rem), 1fr))",
    gap: tokens.spacingVerticalXL,
  },
});

/** Device refresh: the estate broken down, the waves, and the devices due. */
export function RefreshSection() {
  const styles = useStyles();
  const summary = useResource("refresh-summary", (api) => api.get<RefreshSummary>("/ict/refresh/summary"));
  return (
    <ResourceView resource={summary}>
      {(data) => (
        <div className={styles.column}>
          <Section heading={t("tabs.refresh.estate")}>
            <LastSynced at={data.syncedAt} />
            <Body1 as="p">
              {t("tabs.refresh.totals", {
                total: formatNumber(data.total),
                states: stateOrder
                  .filter((s) => (data.states[s] ?? 0) > 0)
                  .map((s) => `${stateLabel(s)} ${formatNumber(data.states[s] ?? 0)}`)
                  .join(", "),
              })}
            </Body1>
            <div className={styles.grid}>
              <BreakdownChart
                title={t("tabs.refresh.byDirectorate")}
                rows={data.byDirectorate}
                syncedAt={data.syncedAt}
                unplaced={t("tabs.refresh.noDirectorate")}
              />
              <BreakdownChart
                title={t("tabs.refresh.byOs")}
                rows={data.byOperatingSystem}
                syncedAt={data.syncedAt}
                unplaced={t("tabs.refresh.unknownGroup")}
              />
              <BreakdownChart
                title={t("tabs.refresh.byAge")}
                rows={data.byAgeBand}
                syncedAt={data.syncedAt}
                unplaced={t("tabs.refresh.unknownGroup")}
              />
              <BreakdownChart
                title={t("tabs.refresh.byCompliance")}
                rows={data.byCompliance}
                syncedAt={data.syncedAt}
                unplaced={t("tabs.refresh.unknownGroup")}
              />
            </div>
          </Section>
          <WavesSection syncedAt={data.syncedAt} />
          <DueDevicesTable directorates={data.byDirectorate.flatMap((row) => (row.key === null ? [] : [row.key]))} />
        </div>
      )}
    </ResourceView>
  );
}
