import {
  Body1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef } from "react";
import type { AdoptionOverview, DirectorateRow } from "../../../../../core/adoption/adoptionApi";
import { t } from "../../../../../core/messages/catalogue";
import { ScrollRegion } from "../../../components/ScrollRegion";
import { ChampionsEditor } from "./ChampionsEditor";
import { GroupCells, groupColumns } from "./DirectoratesTable";

const useStyles = makeStyles({
  detail: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** One directorate opened: its services' figures (hidden ones saying why) and its champions. */
export function DirectorateDetail({
  row,
  overview,
  onChanged,
}: {
  row: DirectorateRow;
  overview: AdoptionOverview;
  /** Reloads the overview after a champion is added or removed. */
  onChanged: () => void;
}) {
  const styles = useStyles();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a directorate takes focus to it, below the table, so that keyboard and screen reader users land on what opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves when another directorate opens, not on each reload.
  useEffect(() => heading.current?.focus(), [row.directorate]);
  const label = t("tabs.adoption.services.table", { directorate: row.directorate });
  return (
    <section className={styles.detail} aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
        {row.directorate}
      </h3>
      {row.services.length === 0 ? (
        <Body1>{t("tabs.adoption.services.none")}</Body1>
      ) : (
        <ScrollRegion label={label}>
          <Table aria-label={label} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("tabs.adoption.column.service")}</TableHeaderCell>
                {groupColumns.map((column) => (
                  <TableHeaderCell key={column.header}>{column.header}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {row.services.map((service) => (
                <TableRow key={service.service}>
                  <TableCell>{service.service}</TableCell>
                  <GroupCells figures={service.figures} threshold={overview.threshold} />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
      <ChampionsEditor directorate={row.directorate} champions={row.champions} onChanged={onChanged} />
    </section>
  );
}
