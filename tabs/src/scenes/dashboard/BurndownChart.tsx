import { LineChart } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import { t } from "../../../../core/messages/catalogue";
import type { Wave } from "../../api/types";
import { type Column, SimpleTable } from "../../components/SimpleTable";
import { formatDay, formatNumber } from "../../format";
import { ChartWithTable } from "./ChartWithTable";

type Point = Wave["burndown"][number];

/** A wave's devices still to do against a steady pace to zero on its last day. */
export function BurndownChart({ wave, syncedAt }: { wave: Wave; syncedAt: string | null }) {
  const title = t("tabs.waves.burndownTitle", { name: wave.name });
  const columns: Column<Point>[] = [
    { key: "date", header: t("tabs.waves.date"), cell: (p) => formatDay(p.date) },
    {
      key: "remaining",
      header: t("tabs.waves.remaining"),
      cell: (p) => (p.remaining === null ? "—" : formatNumber(p.remaining)),
    },
    { key: "ideal", header: t("tabs.waves.ideal"), cell: (p) => formatNumber(Math.round(p.ideal)) },
  ];
  return (
    <ChartWithTable
      title={title}
      syncedAt={syncedAt}
      chart={
        <LineChart
          height={280}
          data={{
            chartTitle: title,
            lineChartData: [
              {
                legend: t("tabs.waves.remaining"),
                color: tokens.colorPaletteRedBorderActive,
                data: wave.burndown.flatMap((p) =>
                  p.remaining === null ? [] : [{ x: new Date(p.date), y: p.remaining }],
                ),
              },
              {
                legend: t("tabs.waves.ideal"),
                color: tokens.colorNeutralForeground3,
                data: wave.burndown.map((p) => ({ x: new Date(p.date), y: p.ideal })),
              },
            ],
          }}
        />
      }
      table={<SimpleTable label={title} columns={columns} rows={wave.burndown} rowKey={(p) => p.date} />}
    />
  );
}
