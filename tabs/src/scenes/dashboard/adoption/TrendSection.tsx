import { LineChart } from "@fluentui/react-charts";
import { Body1, Button, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { AdoptionMeasure, AdoptionTrend, PeriodKind, TrendPoint } from "../../../../../core/adoption/adoptionApi";
import { t } from "../../../../../core/messages/catalogue";
import { ErrorBar } from "../../../components/ErrorBar";
import { ResourceView } from "../../../components/ResourceView";
import { Section } from "../../../components/Section";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { useSignedIn } from "../../../data/apiContext";
import { useResource } from "../../../data/useResource";
import { ChartWithTable } from "../ChartWithTable";
import { downloadCsv } from "../csvDownload";
import { formatShare, measureName, measureOptions, periodName } from "./adoptionFormat";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "end" },
});

/**
 * One measure over every period kept, for the council or one directorate, as a
 * line and as a table, with its CSV. A period whose group was hidden is left
 * out of the line, and the table says it was hidden.
 */
export function TrendSection({
  period,
  directorates,
  computedAt,
}: {
  period: PeriodKind;
  directorates: string[];
  computedAt: string | null;
}) {
  const styles = useStyles();
  const { api } = useSignedIn();
  const [measure, setMeasure] = useState<AdoptionMeasure>("teamsActive");
  const [directorate, setDirectorate] = useState("");
  const [exportError, setExportError] = useState<unknown>(null);
  const query = new URLSearchParams({ period, measure, ...(directorate ? { directorate } : {}) }).toString();
  const trend = useResource(`adoption-trend-${query}`, (a) => a.get<AdoptionTrend>(`/ict/adoption/trend?${query}`));
  const group = directorate || t("adoption.wholeCouncil");
  const title = t("tabs.adoption.trend.title", { measure: measureName(measure), group });
  const columns: Column<TrendPoint>[] = [
    { key: "period", header: t("tabs.adoption.trend.period"), cell: (p) => periodName(period, p.start) },
    { key: "days", header: t("tabs.adoption.trend.days"), cell: (p) => String(p.daysCovered) },
    {
      key: "value",
      header: measureName(measure),
      cell: (p) => (p.value === null ? t("tabs.adoption.hiddenShort") : formatShare(p.value)),
    },
  ];
  const exportTrend = () => {
    setExportError(null);
    downloadCsv(api, `/ict/adoption/trend.csv?${query}`, `adoption-trend-${measure}-${period}.csv`).catch(
      setExportError,
    );
  };

  return (
    <Section heading={t("tabs.adoption.trend.heading")}>
      <div className={styles.filters}>
        <Field label={t("tabs.adoption.trend.measure")}>
          <Select value={measure} onChange={(_e, data) => setMeasure(data.value as AdoptionMeasure)}>
            {measureOptions.map((o) => (
              <option key={o.measure} value={o.measure}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("tabs.adoption.trend.group")}>
          <Select value={directorate} onChange={(_e, data) => setDirectorate(data.value)}>
            <option value="">{t("adoption.wholeCouncil")}</option>
            {directorates.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={exportTrend}>{t("tabs.adoption.exportTrend")}</Button>
      </div>
      {exportError !== null && <ErrorBar error={exportError} />}
      <ResourceView resource={trend}>
        {(data) => {
          const table = <SimpleTable label={title} columns={columns} rows={data.points} rowKey={(p) => p.start} />;
          const drawn = data.points.filter((p) => p.value !== null);
          // A line needs two points; until then the table says it all.
          if (drawn.length < 2) {
            return (
              <>
                <Body1>{t("tabs.adoption.trend.tooFew")}</Body1>
                {table}
              </>
            );
          }
          return (
            <ChartWithTable
              title={title}
              syncedAt={computedAt}
              chart={
                <LineChart
                  height={280}
                  yMinValue={0}
                  yMaxValue={100}
                  yAxisTitle={t("tabs.adoption.axisPercent")}
                  data={{
                    chartTitle: title,
                    lineChartData: [
                      {
                        legend: measureName(measure),
                        color: tokens.colorBrandBackground,
                        data: drawn.map((p) => ({ x: new Date(`${p.start}T00:00:00Z`), y: p.value ?? 0 })),
                      },
                    ],
                  }}
                />
              }
              table={table}
            />
          );
        }}
      </ResourceView>
    </Section>
  );
}
