import { Body1, makeStyles } from "@fluentui/react-components";
import { t } from "../../../../../core/messages/catalogue";
import type { FailureGroup, MigrationSource } from "../../../api/migrationTypes";
import { LastSynced } from "../../../components/LastSynced";
import { Section } from "../../../components/Section";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { formatNumber } from "../../../format";
import { sourceName } from "./migrationFormat";

const useStyles = makeStyles({
  examples: { margin: 0, paddingInlineStart: "1.2em", overflowWrap: "anywhere" },
});

const completedColumns: Column<MigrationSource>[] = [
  { key: "source", header: t("tabs.migration.column.source"), cell: sourceName },
  { key: "wave", header: t("tabs.migration.column.wave"), cell: (s) => s.wave ?? "—" },
  { key: "owner", header: t("tabs.migration.column.owner"), cell: (s) => s.ownerUpn ?? "—" },
  { key: "status", header: t("tabs.migration.column.taskStatus"), cell: (s) => s.taskStatus ?? "—" },
  { key: "failed", header: t("tabs.migration.column.failedItems"), cell: (s) => formatNumber(s.failedItems) },
];

/**
 * Sources whose task said "Completed" while items failed one by one, and the
 * failed items grouped by cause in plain words, with a few example paths each.
 */
export function FailuresSection({
  sources,
  failures,
  syncedAt,
}: {
  sources: MigrationSource[];
  failures: FailureGroup[];
  syncedAt: string;
}) {
  const styles = useStyles();
  const completed = sources.filter((s) => s.completedWithFailures);
  const stopped = sources.filter((s) => s.failureReason);
  const causeColumns: Column<FailureGroup>[] = [
    { key: "cause", header: t("tabs.migration.column.cause"), cell: (g) => g.label },
    { key: "items", header: t("tabs.migration.column.items"), cell: (g) => formatNumber(g.items) },
    {
      key: "examples",
      header: t("tabs.migration.column.examples"),
      cell: (g) => (
        <ul className={styles.examples}>
          {g.examples.map((path) => (
            <li key={path}>{path}</li>
          ))}
        </ul>
      ),
    },
  ];
  const stoppedColumns: Column<MigrationSource>[] = [
    { key: "source", header: t("tabs.migration.column.source"), cell: sourceName },
    { key: "wave", header: t("tabs.migration.column.wave"), cell: (s) => s.wave ?? "—" },
    { key: "reason", header: t("tabs.migration.column.reason"), cell: (s) => s.failureReason ?? "—" },
  ];
  return (
    <>
      <Section heading={t("tabs.migration.completedWithFailures")}>
        <LastSynced at={syncedAt} />
        <Body1 as="p">{t("tabs.migration.completedWithFailuresIntro")}</Body1>
        {completed.length === 0 ? (
          <Body1>{t("tabs.migration.noCompletedWithFailures")}</Body1>
        ) : (
          <SimpleTable
            label={t("tabs.migration.completedWithFailures")}
            columns={completedColumns}
            rows={completed}
            rowKey={(s) => s.id}
          />
        )}
      </Section>
      {stopped.length > 0 && (
        <Section heading={t("tabs.migration.stopped")}>
          <SimpleTable
            label={t("tabs.migration.stopped")}
            columns={stoppedColumns}
            rows={stopped}
            rowKey={(s) => s.id}
          />
        </Section>
      )}
      <Section heading={t("tabs.migration.failuresByCause")}>
        <LastSynced at={syncedAt} />
        {failures.length === 0 ? (
          <Body1>{t("tabs.migration.noFailures")}</Body1>
        ) : (
          <SimpleTable
            label={t("tabs.migration.failuresByCause")}
            columns={causeColumns}
            rows={failures}
            rowKey={(g) => g.cause}
          />
        )}
      </Section>
    </>
  );
}
