import { LineChart } from "@fluentui/react-charts";
import { Body1, tokens } from "@fluentui/react-components";
import { t } from "../../../../../core/messages/catalogue";
import type { TrendPoint } from "../../../api/pulseTypes";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { formatDay, formatPercent } from "../../../format";
import { ChartWithTable } from "../ChartWithTable";
import { orDash } from "./pulseLabels";

const columns: Column<TrendPoint>[] = [
  { key: "sent", header: t("tabs.pulses.results.sentAt"), cell: (p) => formatDay(p.sentAt) },
  { key: "mean", header: t("tabs.pulses.results.mean"), cell: (p) => orDash(p.mean) },
  {
    key: "satisfied",
    header: t("tabs.pulses.results.satisfied"),
    cell: (p) => orDash(p.satisfiedShare, formatPercent),
  },
  { key: "rate", header: t("tabs.pulses.results.responseRate"), cell: (p) => formatPercent(p.responseRate) },
];

/** Satisfaction and response across a pulse's runs, oldest first; runs whose results are hidden leave a gap. */
export function PulseTrend({ trend, readAt }: { trend: TrendPoint[]; readAt: string }) {
  const title = t("tabs.pulses.trend.title");
  const percent = (share: number) => Math.round(share * 1000) / 10;
  const table = <SimpleTable label={title} columns={columns} rows={trend} rowKey={(p) => p.runId} />;
  // A line needs two runs; until then the one run's figures say it all.
  if (trend.length < 2) {
    return (
      <>
        <Body1>{t("tabs.pulses.trend.oneRun")}</Body1>
        {table}
      </>
    );
  }
  return (
    <ChartWithTable
      title={title}
      syncedAt={readAt}
      chart={
        <LineChart
          height={260}
          yMaxValue={100}
          yMinValue={0}
          data={{
            chartTitle: title,
            lineChartData: [
              {
                legend: t("tabs.pulses.trend.satisfied"),
                color: tokens.colorBrandBackground,
                data: trend.flatMap((p) =>
                  p.satisfiedShare === null ? [] : [{ x: new Date(p.sentAt), y: percent(p.satisfiedShare) }],
                ),
              },
              {
                legend: t("tabs.pulses.trend.responseRate"),
                color: tokens.colorNeutralForeground3,
                data: trend.map((p) => ({ x: new Date(p.sentAt), y: percent(p.responseRate) })),
              },
            ],
          }}
        />
      }
      table={table}
    />
  );
}
