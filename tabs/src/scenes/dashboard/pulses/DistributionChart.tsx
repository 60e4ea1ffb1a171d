import { VerticalBarChart } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import { t } from "../../../../../core/messages/catalogue";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { formatNumber, formatPercent } from "../../../format";
import { ChartWithTable } from "../ChartWithTable";

type Bar = { rating: number; count: number; share: number };

const columns: Column<Bar>[] = [
  { key: "rating", header: t("tabs.pulses.results.rating"), cell: (b) => String(b.rating) },
  { key: "count", header: t("tabs.pulses.results.answers"), cell: (b) => formatNumber(b.count) },
  { key: "share", header: t("tabs.pulses.results.share"), cell: (b) => formatPercent(b.share) },
];

/** How many gave each rating from 1 to 5, as bars or as a table. */
export function DistributionChart({
  title,
  counts,
  syncedAt,
}: {
  title: string;
  /** Answers for ratings 1..5. */
  counts: number[];
  /** When the figures were read (they are live). */
  syncedAt: string | null;
}) {
  const total = counts.reduce((sum, n) => sum + n, 0);
  const bars: Bar[] = counts.map((count, index) => ({
    rating: index + 1,
    count,
    share: total === 0 ? 0 : count / total,
  }));
  return (
    <ChartWithTable
      title={title}
      syncedAt={syncedAt}
      chart={
        <VerticalBarChart
          chartTitle={title}
          height={240}
          hideLegend
          data={bars.map((b) => ({
            x: t("tabs.pulses.results.ratingX", { rating: b.rating }),
            y: b.count,
            legend: t("tabs.pulses.results.answers"),
            color: tokens.colorBrandBackground,
            yAxisCalloutData: t("tabs.pulses.results.barCallout", {
              count: formatNumber(b.count),
              share: formatPercent(b.share),
            }),
          }))}
        />
      }
      table={<SimpleTable label={title} columns={columns} rows={bars} rowKey={(b) => b.rating} />}
    />
  );
}
