import { VerticalStackedBarChart } from "@fluentui/react-charts";
import { t } from "../../../../core/messages/catalogue";
import type { BreakdownRow } from "../../api/types";
import { type Column, SimpleTable } from "../../components/SimpleTable";
import { formatNumber } from "../../format";
import { ChartWithTable } from "./ChartWithTable";
import { stateColour, stateLabel, stateOrder } from "./stateColours";

/** Devices in each group (directorate, OS release, age band…) stacked by refresh state. */
export function BreakdownChart({
  title,
  rows,
  syncedAt,
  unplaced,
}: {
  title: string;
  rows: BreakdownRow[];
  syncedAt: string | null;
  /** What the group with no key (null) is called. */
  unplaced: string;
}) {
  const name = (row: BreakdownRow) => row.key ?? unplaced;
  const present = stateOrder.filter((state) => rows.some((row) => (row.states[state] ?? 0) > 0));
  const columns: Column<BreakdownRow>[] = [
    { key: "group", header: t("tabs.chart.group"), cell: name },
    ...present.map((state) => ({
      key: state,
      header: stateLabel(state),
      cell: (row: BreakdownRow) => formatNumber(row.states[state] ?? 0),
    })),
    { key: "total", header: t("tabs.chart.total"), cell: (row) => formatNumber(row.total) },
  ];
  return (
    <ChartWithTable
      title={title}
      syncedAt={syncedAt}
      chart={
        <VerticalStackedBarChart
          chartTitle={title}
          height={320}
          rotateXAxisLables
          data={rows.map((row) => ({
            xAxisPoint: name(row),
            chartData: present.map((state) => ({
              legend: stateLabel(state),
              data: row.states[state] ?? 0,
              color: stateColour(state),
            })),
          }))}
        />
      }
      table={<SimpleTable label={title} columns={columns} rows={rows} rowKey={name} />}
    />
  );
}
