import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { AdoptionFigures, AdoptionOverview } from "../../../../../core/adoption/adoptionApi";
import { t } from "../../../../../core/messages/catalogue";
import { ScrollRegion } from "../../../components/ScrollRegion";
import { formatNumber } from "../../../format";
import { formatShare, measureName, scores } from "./adoptionFormat";

const useStyles = makeStyles({
  why: { color: tokens.colorNeutralForeground2, fontStyle: "italic" },
});

/** The figures a group's row shows, in column order: staff, active in Teams, then the scores. */
export const groupColumns: { header: string; cell: (f: AdoptionFigures) => string }[] = [
  { header: t("tabs.adoption.column.staff"), cell: (f) => formatNumber(f.staff) },
  { header: measureName("teamsActive"), cell: (f) => formatShare(f.shares.teamsActive) },
  ...scores.map((score) => ({
    header: measureName(score),
    cell: (f: AdoptionFigures) => formatShare(f.scores[score]),
  })),
];

/** A group's figures, or one cell across them saying why they are hidden. */
export function GroupCells({ figures, threshold }: { figures: AdoptionFigures | null; threshold: number }) {
  const styles = useStyles();
  if (figures === null) {
    return (
      <TableCell colSpan={groupColumns.length} className={styles.why}>
        {t("tabs.adoption.hidden", { threshold })}
      </TableCell>
    );
  }
  return (
    <>
      {groupColumns.map((column) => (
        <TableCell key={column.header}>{column.cell(figures)}</TableCell>
      ))}
    </>
  );
}

/**
 * Every directorate's figures for the period, its champions, and a way into its
 * services. A hidden directorate says why rather than showing blanks.
 */
export function DirectoratesTable({
  overview,
  opened,
  onOpen,
}: {
  overview: AdoptionOverview;
  opened: string | null;
  onOpen: (directorate: string | null) => void;
}) {
  const label = t("tabs.adoption.directorates.table");
  return (
    <ScrollRegion label={label}>
      <Table aria-label={label} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("tabs.adoption.column.directorate")}</TableHeaderCell>
            {groupColumns.map((column) => (
              <TableHeaderCell key={column.header}>{column.header}</TableHeaderCell>
            ))}
            <TableHeaderCell>{t("tabs.adoption.column.champions")}</TableHeaderCell>
            <TableHeaderCell>{t("tabs.adoption.column.details")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {overview.directorates.map((row) => (
            <TableRow key={row.directorate}>
              <TableCell>{row.directorate}</TableCell>
              <GroupCells figures={row.figures} threshold={overview.threshold} />
              <TableCell>{row.champions.map((c) => c.displayName).join(", ") || "—"}</TableCell>
              <TableCell>
                <Button
                  size="small"
                  aria-pressed={opened === row.directorate}
                  aria-label={t("tabs.adoption.directorates.open", { directorate: row.directorate })}
                  onClick={() => onOpen(opened === row.directorate ? null : row.directorate)}
                >
                  {t("tabs.adoption.directorates.openShort")}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
