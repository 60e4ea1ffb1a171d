import { VerticalBarChart } from "@fluentui/react-charts";
import { Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type {
  AdoptionFigures,
  AdoptionMeasure,
  AdoptionOverview,
  DirectorateRow,
} from "../../../../../core/adoption/adoptionApi";
import { t } from "../../../../../core/messages/catalogue";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { ChartWithTable } from "../ChartWithTable";
import { formatShare, measureName, measureOptions } from "./adoptionFormat";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "end" },
});

/** A measure's value in a group's figures: a share or a score. */
const measureValue = (figures: AdoptionFigures, measure: AdoptionMeasure): number =>
  measure in figures.scores
    ? figures.scores[measure as keyof AdoptionFigures["scores"]]
    : figures.shares[measure as keyof AdoptionFigures["shares"]];

/**
 * One measure across the directorates that can be shown, as bars, and as a
 * table that also lists the hidden ones; the overall score to begin with.
 */
export function ScoresChart({ overview }: { overview: AdoptionOverview }) {
  const styles = useStyles();
  const [measure, setMeasure] = useState<AdoptionMeasure>("overall");
  const title = t("tabs.adoption.compare.title", { measure: measureName(measure) });
  const shown = overview.directorates.filter((d) => d.figures !== null);
  const columns: Column<DirectorateRow>[] = [
    { key: "directorate", header: t("tabs.adoption.column.directorate"), cell: (d) => d.directorate },
    {
      key: "value",
      header: measureName(measure),
      cell: (d) => (d.figures ? formatShare(measureValue(d.figures, measure)) : t("tabs.adoption.hiddenShort")),
    },
  ];
  return (
    <>
      <div className={styles.filters}>
        <Field label={t("tabs.adoption.compare.measure")}>
          <Select value={measure} onChange={(_e, data) => setMeasure(data.value as AdoptionMeasure)}>
            {measureOptions.map((o) => (
              <option key={o.measure} value={o.measure}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <ChartWithTable
        title={title}
        syncedAt={overview.computedAt}
        chart={
          <VerticalBarChart
            chartTitle={title}
            height={280}
            yMaxValue={100}
            yAxisTitle={t("tabs.adoption.axisPercent")}
            rotateXAxisLables
            data={shown.map((d) => ({
              x: d.directorate,
              y: d.figures ? measureValue(d.figures, measure) : 0,
              legend: measureName(measure),
              color: tokens.colorBrandBackground,
            }))}
          />
        }
        table={
          <SimpleTable label={title} columns={columns} rows={overview.directorates} rowKey={(d) => d.directorate} />
        }
      />
    </>
  );
}
