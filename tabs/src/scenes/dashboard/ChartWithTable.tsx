import { makeStyles, ToggleButton, tokens } from "@fluentui/react-components";
import { type ReactNode, useId, useState } from "react";
import { t } from "../../../../core/messages/catalogue";
import { LastSynced } from "../../components/LastSynced";

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  caption: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "baseline" },
  title: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  // Charts size themselves to their box but their axis labels can stick out a pixel or two on a phone.
  chart: { minWidth: 0, overflowX: "hidden" },
});

/**
 * A chart with the same figures as a table, one button apart, for people who
 * cannot see the chart or would rather read numbers; it says when its data was synced.
 */
export function ChartWithTable({
  title,
  syncedAt,
  chart,
  table,
}: {
  title: string;
  syncedAt: string | null;
  chart: ReactNode;
  table: ReactNode;
}) {
  const styles = useStyles();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  return (
    <figure className={styles.figure} aria-labelledby={titleId}>
      <figcaption className={styles.caption}>
        <h3 id={titleId} className={styles.title}>
          {title}
        </h3>
        <LastSynced at={syncedAt} />
        <ToggleButton size="small" checked={asTable} onClick={() => setAsTable(!asTable)}>
          {t("tabs.chart.showTable")}
        </ToggleButton>
      </figcaption>
      {asTable ? table : <div className={styles.chart}>{chart}</div>}
    </figure>
  );
}
