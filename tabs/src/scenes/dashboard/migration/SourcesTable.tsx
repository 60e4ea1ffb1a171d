import { Body1, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { t } from "../../../../../core/messages/catalogue";
import type { MigrationSource, MigrationWave } from "../../../api/migrationTypes";
import { Section } from "../../../components/Section";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { formatNumber } from "../../../format";
import { formatBytes, sourceName, stateName } from "./migrationFormat";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "end" },
});

const columns: Column<MigrationSource>[] = [
  { key: "source", header: t("tabs.migration.column.source"), cell: sourceName },
  { key: "directorate", header: t("tabs.migration.column.directorate"), cell: (s) => s.directorate ?? "—" },
  { key: "state", header: t("tabs.migration.column.state"), cell: (s) => stateName(s.state) },
  { key: "plannedBytes", header: t("tabs.migration.column.plannedBytes"), cell: (s) => formatBytes(s.plannedBytes) },
  { key: "migratedBytes", header: t("tabs.migration.column.migratedBytes"), cell: (s) => formatBytes(s.migratedBytes) },
  { key: "plannedItems", header: t("tabs.migration.column.plannedItems"), cell: (s) => formatNumber(s.plannedItems) },
  {
    key: "migratedItems",
    header: t("tabs.migration.column.migratedItems"),
    cell: (s) => formatNumber(s.migratedItems),
  },
  { key: "failedItems", header: t("tabs.migration.column.failedItems"), cell: (s) => formatNumber(s.failedItems) },
  { key: "taskStatus", header: t("tabs.migration.column.taskStatus"), cell: (s) => s.taskStatus ?? "—" },
];

const noWave = "none";

/** Progress per source, one wave (and kind) at a time so that the table stays readable. */
export function SourcesTable({ sources, waves }: { sources: MigrationSource[]; waves: MigrationWave[] }) {
  const styles = useStyles();
  const [wave, setWave] = useState<string>(waves[0] ? String(waves[0].id) : "");
  const [kind, setKind] = useState<"" | "shared" | "home">("shared");
  const rows = sources.filter(
    (s) =>
      (wave === "" || (wave === noWave ? s.waveId === null : String(s.waveId) === wave)) &&
      (kind === "" || s.kind === kind),
  );
  return (
    <Section heading={t("tabs.migration.bySource")}>
      <div className={styles.filters}>
        <Field label={t("tabs.migration.column.wave")}>
          <Select value={wave} onChange={(_e, data) => setWave(data.value)}>
            <option value="">{t("tabs.migration.allWaves")}</option>
            {waves.map((w) => (
              <option key={w.id} value={String(w.id)}>
                {w.name}
              </option>
            ))}
            {sources.some((s) => s.waveId === null) && <option value={noWave}>{t("tabs.migration.noWave")}</option>}
          </Select>
        </Field>
        <Field label={t("tabs.migration.kind")}>
          <Select value={kind} onChange={(_e, data) => setKind(data.value as typeof kind)}>
            <option value="">{t("tabs.migration.allKinds")}</option>
            <option value="shared">{t("tabs.migration.kind.shared")}</option>
            <option value="home">{t("tabs.migration.kind.home")}</option>
          </Select>
        </Field>
      </div>
      <Body1 aria-live="polite">{t("tabs.migration.sourcesShown", { count: formatNumber(rows.length) })}</Body1>
      {rows.length > 0 && (
        <SimpleTable label={t("tabs.migration.bySource")} columns={columns} rows={rows} rowKey={(s) => s.id} />
      )}
    </Section>
  );
}
