import { LineChart } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import { t } from "../../../../../core/messages/catalogue";
import type { MigrationBurndownPoint, MigrationWave } from "../../../api/migrationTypes";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { formatDay } from "../../../format";
import { ChartWithTable } from "../ChartWithTable";
import { formatBytes, toGb } from "./migrationFormat";

const columns: Column<MigrationBurndownPoint>[] = [
  { key: "date", header: t("tabs.waves.date"), cell: (p) => formatDay(p.date) },
  { key: "remaining", header: t("tabs.migration.stillToMove"), cell: (p) => formatBytes(p.remainingBytes) },
  { key: "ideal", header: t("tabs.waves.ideal"), cell: (p) => formatBytes(p.idealBytes) },
];

/** A wave's bytes still to move, day by day (or week by week), against a steady pace to zero on its last day. */
export function MigrationBurndown({ wave, syncedAt }: { wave: MigrationWave; syncedAt: string }) {
  const title = t("tabs.migration.burndownTitle", { name: wave.name });
  return (
    <ChartWithTable
      title={title}
      syncedAt={syncedAt}
      chart={
        <LineChart
          height={260}
          yAxisTitle={t("tabs.migration.axisGb")}
          data={{
            chartTitle: title,
            lineChartData: [
              {
                legend: t("tabs.migration.stillToMove"),
                color: tokens.colorPaletteRedBorderActive,
                data: wave.burndown.flatMap((p) =>
                  p.remainingBytes === null ? [] : [{ x: new Date(p.date), y: toGb(p.remainingBytes) }],
                ),
              },
              {
                legend: t("tabs.waves.ideal"),
                color: tokens.colorNeutralForeground3,
                data: wave.burndown.map((p) => ({ x: new Date(p.date), y: toGb(p.idealBytes) })),
              },
            ],
          }}
        />
      }
      table={<SimpleTable label={title} columns={columns} rows={wave.burndown} rowKey={(p) => p.date} />}
    />
  );
}
