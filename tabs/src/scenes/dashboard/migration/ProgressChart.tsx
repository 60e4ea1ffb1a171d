import { VerticalStackedBarChart } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import { t } from "../../../../../core/messages/catalogue";
import type { MigrationTotals } from "../../../api/migrationTypes";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { ChartWithTable } from "../ChartWithTable";
import { toGb, totalsCells } from "./migrationFormat";

export type ProgressRow = { name: string; totals: MigrationTotals };

const columns: Column<ProgressRow>[] = [
  { key: "group", header: t("tabs.chart.group"), cell: (r) => r.name },
  ...(
    [
      "sources",
      "plannedBytes",
      "migratedBytes",
      "verifiedBytes",
      "plannedItems",
      "migratedItems",
      "failedItems",
      "mismatches",
    ] as const
  ).map((key) => ({
    key,
    header: t(`tabs.migration.column.${key}`),
    cell: (r: ProgressRow) => totalsCells(r.totals)[key],
  })),
];

/**
 * Bytes per group (wave, directorate) stacked as verified, moved but not yet
 * verified, and still to move, so that each bar's height is what was planned;
 * the table adds items, failures and mismatches.
 */
export function ProgressChart({ title, rows, syncedAt }: { title: string; rows: ProgressRow[]; syncedAt: string }) {
  const parts = [
    {
      legend: t("tabs.migration.legend.verified"),
      color: tokens.colorPaletteGreenBackground3,
      value: (x: MigrationTotals) => x.verifiedBytes,
    },
    {
      legend: t("tabs.migration.legend.migrated"),
      color: tokens.colorBrandBackground,
      value: (x: MigrationTotals) => Math.max(0, x.migratedBytes - x.verifiedBytes),
    },
    {
      legend: t("tabs.migration.legend.remaining"),
      color: tokens.colorNeutralForeground4,
      value: (x: MigrationTotals) => Math.max(0, x.plannedBytes - x.migratedBytes),
    },
  ];
  return (
    <ChartWithTable
      title={title}
      syncedAt={syncedAt}
      chart={
        <VerticalStackedBarChart
          chartTitle={title}
          height={300}
          rotateXAxisLables
          yAxisTitle={t("tabs.migration.axisGb")}
          data={rows.map((row) => ({
            xAxisPoint: row.name,
            chartData: parts.map((p) => ({ legend: p.legend, data: toGb(p.value(row.totals)), color: p.color })),
          }))}
        />
      }
      table={<SimpleTable label={title} columns={columns} rows={rows} rowKey={(r) => r.name} />}
    />
  );
}
