import { Body1, Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { type MessageKey, t } from "../../../../../core/messages/catalogue";
import type { DeliveryReport, DeliveryState, PulseDelivery, RunResults } from "../../../api/pulseTypes";
import { ErrorBar } from "../../../components/ErrorBar";
import { ResourceView } from "../../../components/ResourceView";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { useSignedIn } from "../../../data/apiContext";
import type { Resource } from "../../../data/useResource";
import { formatDateTime, formatNumber } from "../../../format";
import { downloadCsv } from "../csvDownload";

const states: DeliveryState[] = ["sent", "pending", "sending", "failed", "unreachable", "cancelled"];
const stateLabel = (state: DeliveryState) => t(`outbox.state.${state}` as MessageKey);

type Count = { state: DeliveryState; count: number };
type Problem = DeliveryReport["problems"][number];

const countColumns: Column<Count>[] = [
  { key: "state", header: t("tabs.pulses.delivery.state"), cell: (c) => stateLabel(c.state) },
  { key: "count", header: t("tabs.pulses.delivery.people"), cell: (c) => formatNumber(c.count) },
];
const problemColumns: Column<Problem>[] = [
  { key: "name", header: t("tabs.pulses.delivery.name"), cell: (p) => p.name ?? "—" },
  { key: "upn", header: t("tabs.pulses.delivery.upn"), cell: (p) => p.userPrincipalName ?? p.aadObjectId ?? "—" },
  { key: "directorate", header: t("tabs.pulses.delivery.directorate"), cell: (p) => p.directorate ?? "—" },
  { key: "state", header: t("tabs.pulses.delivery.state"), cell: (p) => stateLabel(p.state) },
  { key: "reason", header: t("tabs.pulses.delivery.reason"), cell: (p) => p.reason },
];

const useStyles = makeStyles({
  run: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** Who each run reached, who it could not and why, and the CSV of every recipient. */
export function DeliveryView({
  pulseId,
  delivery,
  runs,
}: {
  pulseId: number;
  delivery: Resource<PulseDelivery>;
  /** The pulse's runs, to name each report by when it was sent. */
  runs: RunResults[];
}) {
  const { api } = useSignedIn();
  const [exportError, setExportError] = useState<unknown>(null);
  const exportCsv = () => {
    setExportError(null);
    downloadCsv(api, `/ict/pulses/${pulseId}/delivery.csv`, `pulse-${pulseId}-delivery.csv`).catch(setExportError);
  };
  return (
    <>
      <div>
        <Button onClick={exportCsv}>{t("tabs.pulses.delivery.csv")}</Button>
      </div>
      {exportError !== null && <ErrorBar error={exportError} />}
      <ResourceView resource={delivery}>
        {(data) =>
          data.runs.length === 0 ? (
            <Body1>{t("tabs.pulses.delivery.none")}</Body1>
          ) : (
            data.runs.map(({ runId, report }) => (
              <RunDelivery key={runId} report={report} sentAt={runs.find((r) => r.id === runId)?.sentAt ?? null} />
            ))
          )
        }
      </ResourceView>
    </>
  );
}

function RunDelivery({ report, sentAt }: { report: DeliveryReport; sentAt: string | null }) {
  const styles = useStyles();
  const headingId = useId();
  const heading = sentAt
    ? t("tabs.pulses.delivery.runHeading", { when: formatDateTime(sentAt) })
    : t("tabs.pulses.delivery.runHeadingUnknown");
  // The same person can appear twice (an invitation and a reminder): their place in the list tells them apart.
  const place = new Map(report.problems.map((problem, index) => [problem, index]));
  const counts = states.map((state) => ({ state, count: report.byState[state] ?? 0 })).filter((c) => c.count > 0);
  return (
    <section className={styles.run} aria-labelledby={headingId}>
      <Subtitle2 as="h4" id={headingId}>
        {heading}
      </Subtitle2>
      <Body1>{t("tabs.pulses.delivery.total", { total: formatNumber(report.total) })}</Body1>
      <SimpleTable
        label={t("tabs.pulses.delivery.countsLabel", { run: heading })}
        columns={countColumns}
        rows={counts}
        rowKey={(c) => c.state}
      />
      {report.problems.length === 0 ? (
        <Body1>{t("tabs.pulses.delivery.noProblems")}</Body1>
      ) : (
        <SimpleTable
          label={t("tabs.pulses.delivery.problemsLabel", { run: heading })}
          columns={problemColumns}
          rows={report.problems}
          rowKey={(p) => place.get(p) ?? 0}
        />
      )}
    </section>
  );
}
