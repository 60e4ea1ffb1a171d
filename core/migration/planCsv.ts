import { sql } from "kysely";
import { csvFile } from "../csvFile";
import { t } from "../messages/catalogue";
import type { Db } from "../store/database";
import { type SourceState, sourceStates } from "./migrationTables";
import { fillWavesFromSources, waveIdFor } from "./planRepository";
import { reportFields } from "./reportFormats";
import { malformed, type OpenReport, type RowReader } from "./reportReader";
import { looksLikeHomeDrive, pathKey } from "./sourcePaths";

type PlanValues = {
  unc_path: string;
  drive_letter: string | null;
  kind: "shared" | "home" | null;
  owner_upn: string | null;
  directorate: string | null;
  wave_id: number | null;
  planned_start: string | null;
  planned_end: string | null;
  state: SourceState | null;
  target_site_url: string | null;
  target_library: string | null;
  target_folder: string | null;
  task_id: string | null;
};

/**
 * Adds or updates sources from ICT's plan CSV or Migration Manager's bulk task
 * file (FileSharePath, two empty columns, SharePointSite, DocLibrary,
 * DocSubFolder). A cell left empty keeps what the store has.
 * @throws AppError invalid_input naming the line and column of a bad value.
 */
export async function applyPlanRows(db: Db, report: OpenReport, reader: RowReader, bulk: boolean): Promise<number> {
  let count = 0;
  const waves = new Map<string, number>();
  for await (const row of report.rows) {
    reader.at(row);
    let values: PlanValues;
    if (bulk) {
      const [path = "", , , site = "", library = "", folder = ""] = row.cells.map((c) => c.trim());
      if (!path.startsWith("\\\\"))
        throw malformed(reader.fileName, row.line, 1, t("migration.import.notUnc", { value: path }));
      values = {
        unc_path: path,
        drive_letter: null,
        kind: looksLikeHomeDrive(path, site) ? "home" : "shared",
        owner_upn: null,
        directorate: null,
        wave_id: null,
        planned_start: null,
        planned_end: null,
        state: null,
        target_site_url: site || null,
        target_library: library || null,
        target_folder: folder || null,
        task_id: null,
      };
    } else {
      const path = reader.text("sourcePath");
      if (!path.startsWith("\\\\")) throw reader.bad("sourcePath", t("migration.import.notUnc", { value: path }));
      const kindText = reader.text("kind").toLowerCase();
      if (kindText !== "" && kindText !== "shared" && kindText !== "home") {
        throw reader.bad("kind", t("migration.import.badKind", { value: kindText }));
      }
      const stateText = reader.text("state").toLowerCase();
      if (stateText !== "" && !sourceStates.includes(stateText as SourceState)) {
        throw reader.bad(
          "state",
          t("migration.import.badState", { value: stateText, states: sourceStates.join(", ") }),
        );
      }
      const waveName = reader.optional("wave");
      let waveId: number | null = null;
      if (waveName) {
        waveId = waves.get(waveName) ?? (await waveIdFor(db, waveName));
        waves.set(waveName, waveId);
      }
      const site = reader.optional("targetSite");
      values = {
        unc_path: path,
        drive_letter: reader.optional("driveLetter")?.replace(/:?$/, ":").toUpperCase() ?? null,
        kind: kindText === "" ? (looksLikeHomeDrive(path, site) ? "home" : null) : (kindText as "shared" | "home"),
        owner_upn: reader.optional("owner")?.toLowerCase() ?? null,
        directorate: reader.optional("directorate"),
        wave_id: waveId,
        planned_start: reader.day("plannedStart"),
        planned_end: reader.day("plannedEnd"),
        state: stateText === "" ? null : (stateText as SourceState),
        target_site_url: site,
        target_library: reader.optional("targetLibrary"),
        target_folder: reader.optional("targetFolder"),
        task_id: reader.optional("taskId"),
      };
    }
    const keep = (column: keyof PlanValues) =>
      sql<never>`coalesce(${sql.ref(`excluded.${column}`)}, ${sql.ref(`migration_source.${column}`)})`;
    await db
      .insertInto("migration_source")
      .values({
        ...values,
        path_key: pathKey(values.unc_path),
        kind: values.kind ?? "shared",
        state: values.state ?? "planned",
      })
      .onConflict((c) =>
        c
          .column("path_key")
          .doUpdateSet({
            unc_path: sql`excluded.unc_path`,
            drive_letter: keep("drive_letter"),
            kind: values.kind ? sql`excluded.kind` : sql`migration_source.kind`,
            owner_upn: keep("owner_upn"),
            directorate: keep("directorate"),
            wave_id: keep("wave_id"),
            planned_start: keep("planned_start"),
            planned_end: keep("planned_end"),
            state: values.state ? sql`excluded.state` : sql`migration_source.state`,
            target_site_url: keep("target_site_url"),
            target_library: keep("target_library"),
            target_folder: keep("target_folder"),
            task_id: keep("task_id"),
            updated_at: sql`now()`,
          })
          .where(
            // A row that says what the store says already is left alone, updated_at included.
            sql<boolean>`(migration_source.unc_path, migration_source.drive_letter, migration_source.owner_upn,
            migration_source.directorate, migration_source.wave_id, migration_source.planned_start, migration_source.planned_end,
            migration_source.target_site_url, migration_source.target_library, migration_source.target_folder, migration_source.task_id,
            migration_source.kind, migration_source.state)
          is distinct from (excluded.unc_path, ${keep("drive_letter")}, ${keep("owner_upn")}, ${keep("directorate")}, ${keep("wave_id")},
            ${keep("planned_start")}, ${keep("planned_end")}, ${keep("target_site_url")}, ${keep("target_library")},
            ${keep("target_folder")}, ${keep("task_id")}, ${values.kind ? sql`excluded.kind` : sql`migration_source.kind`},
            ${values.state ? sql`excluded.state` : sql`migration_source.state`})`,
          ),
      )
      .execute();
    count += 1;
  }
  await fillWavesFromSources(db);
  return count;
}

const planHeader = Object.values(reportFields.plan).map((spec) => spec.names[0] as string);

/**
 * The plan as CSV, in the columns the plan import reads (so an edited export
 * imports back), then the scan's figures for reference.
 */
export async function planCsv(db: Db): Promise<{ csv: string; sources: number }> {
  const rows = await db
    .selectFrom("migration_source as s")
    .leftJoin("migration_wave as w", "w.id", "s.wave_id")
    .select([
      "s.unc_path",
      "s.drive_letter",
      "s.kind",
      "s.owner_upn",
      "s.directorate",
      "w.name as wave",
      sql<string | null>`to_char(s.planned_start, 'YYYY-MM-DD')`.as("planned_start"),
      sql<string | null>`to_char(s.planned_end, 'YYYY-MM-DD')`.as("planned_end"),
      "s.state",
      "s.target_site_url",
      "s.target_library",
      "s.target_folder",
      "s.task_id",
      "s.scan_bytes",
      "s.scan_files",
      "s.scan_longest_path",
      "s.scan_readiness",
    ])
    .orderBy("s.path_key")
    .execute();
  const text = (v: string | number | null) => (v === null ? "" : String(v));
  return {
    csv: csvFile([
      [...planHeader, "Scanned bytes", "Scanned files", "Longest path", "Readiness"],
      ...rows.map((r) =>
        [
          r.unc_path,
          r.drive_letter,
          r.kind,
          r.owner_upn,
          r.directorate,
          r.wave,
          r.planned_start,
          r.planned_end,
          r.state,
          r.target_site_url,
          r.target_library,
          r.target_folder,
          r.task_id,
          r.scan_bytes,
          r.scan_files,
          r.scan_longest_path,
          r.scan_readiness,
        ].map(text),
      ),
    ]),
    sources: rows.length,
  };
}

/**
 * Migration Manager's bulk task upload: one task per source with a target,
 * six columns, no header, UTF-8 without a byte-order mark.
 */
export async function bulkTasksCsv(db: Db, waveName?: string): Promise<{ csv: string; sources: number }> {
  let query = db
    .selectFrom("migration_source as s")
    .leftJoin("migration_wave as w", "w.id", "s.wave_id")
    .select(["s.unc_path", "s.target_site_url", "s.target_library", "s.target_folder"])
    .where("s.target_site_url", "is not", null)
    .orderBy("s.path_key");
  if (waveName) query = query.where("w.name", "=", waveName);
  const rows = await query.execute();
  const line = (fields: string[]) =>
    fields.map((v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(",");
  const csv = rows
    .map(
      (r) =>
        `${line([r.unc_path, "", "", r.target_site_url ?? "", r.target_library ?? "Documents", r.target_folder ?? ""])}\r\n`,
    )
    .join("");
  return { csv, sources: rows.length };
}
