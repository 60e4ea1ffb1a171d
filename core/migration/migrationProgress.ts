import { sql } from "kysely";
import type { Db } from "../store/database";
import type { SourceKind, SourceState } from "./migrationTables";
import type { Verification } from "./verification";

/** One source with its target and what the imported reports say about it. */
export type SourceProgress = {
  id: number;
  uncPath: string;
  driveLetter: string | null;
  kind: SourceKind;
  ownerUpn: string | null;
  directorate: string | null;
  waveId: number | null;
  wave: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  state: SourceState;
  targetSiteUrl: string | null;
  targetLibrary: string | null;
  targetFolder: string | null;
  scanReadiness: string | null;
  longestPath: number | null;
  /** From the scan, or else the tasks' totals. */
  plannedBytes: number;
  plannedItems: number;
  migratedBytes: number;
  migratedItems: number;
  failedItems: number;
  /** The tasks' statuses, e.g. "Completed". */
  taskStatus: string | null;
  /** A task said "Completed" while items failed: the reason to read item reports. */
  completedWithFailures: boolean;
  /** Why a task stopped, when it did (fatal error, Migration Manager's failure reason). */
  failureReason: string | null;
  lastMigratedAt: Date | null;
};

type Row = {
  id: number;
  unc_path: string;
  drive_letter: string | null;
  kind: SourceKind;
  owner_upn: string | null;
  directorate: string | null;
  wave_id: number | null;
  wave: string | null;
  planned_start: string | null;
  planned_end: string | null;
  state: SourceState;
  target_site_url: string | null;
  target_library: string | null;
  target_folder: string | null;
  scan_readiness: string | null;
  scan_longest_path: number | null;
  scan_bytes: number | null;
  scan_files: number | null;
  total_bytes: number | null;
  total_items: number | null;
  migrated_bytes: number | null;
  migrated_items: number | null;
  failed_items: number | null;
  task_status: string | null;
  completed_with_failures: boolean | null;
  failure_reason: string | null;
  ended_at: Date | null;
};

/**
 * Every source (or those matching the filter) with its progress. Bytes and
 * items migrated are the task summary's (its latest round), else counted from
 * item reports; failed items are counted from item reports where they were
 * imported (each item once, at its latest round, so an item fixed in a later
 * round no longer counts), else taken from the summary.
 */
export async function sourceProgress(
  db: Db,
  filter: { ownerUpn?: string; directorate?: string; sourceIds?: number[] } = {},
): Promise<SourceProgress[]> {
  const where = [sql`true`];
  if (filter.ownerUpn || filter.directorate) {
    where.push(
      sql`(${filter.ownerUpn ? sql`s.owner_upn = ${filter.ownerUpn.toLowerCase()}` : sql`false`} or ${
        filter.directorate ? sql`(s.kind = 'shared' and s.directorate = ${filter.directorate})` : sql`false`
      })`,
    );
  }
  if (filter.sourceIds) where.push(filter.sourceIds.length ? sql`s.id in (${sql.join(filter.sourceIds)})` : sql`false`);
  const { rows } = await sql<Row>`
    with items as (
      select i.task_id,
        count(*) filter (where i.status = 'migrated') as migrated,
        count(*) filter (where i.status = 'failed') as failed,
        sum(i.size_bytes) filter (where i.status = 'migrated') as migrated_bytes
      from migration_item i join migration_task t on t.task_id = i.task_id
      where t.source_id is not null group by i.task_id
    ),
    summaries as (
      select task_id, sum(item_count) as failed from migration_failure_summary f
      where round = (select max(round) from migration_failure_summary g where g.task_id = f.task_id)
      group by task_id
    ),
    tasks as (
      select t.source_id,
        string_agg(distinct t.status, ', ') as task_status,
        sum(t.total_bytes) as total_bytes,
        sum(coalesce(t.total_items, t.scan_items)) as total_items,
        sum(coalesce(t.migrated_bytes, i.migrated_bytes)) as migrated_bytes,
        sum(coalesce(t.migrated_items, i.migrated)) as migrated_items,
        sum(coalesce(i.failed, t.failed_items, fs.failed)) as failed_items,
        bool_or(t.status ilike 'completed%' and coalesce(i.failed, t.failed_items, fs.failed, 0) > 0) as completed_with_failures,
        string_agg(distinct t.failure_reason, '; ') as failure_reason,
        max(t.ended_at) as ended_at
      from migration_task t left join items i on i.task_id = t.task_id left join summaries fs on fs.task_id = t.task_id
      where t.source_id is not null group by t.source_id
    )
    select s.id, s.unc_path, s.drive_letter, s.kind, s.owner_upn, s.directorate, s.wave_id, w.name as wave,
      to_char(s.planned_start, 'YYYY-MM-DD') as planned_start, to_char(s.planned_end, 'YYYY-MM-DD') as planned_end,
      s.state, s.target_site_url, s.target_library, s.target_folder, s.scan_readiness, s.scan_longest_path,
      s.scan_bytes, s.scan_files, x.total_bytes, x.total_items, x.migrated_bytes, x.migrated_items, x.failed_items,
      x.task_status, x.completed_with_failures, x.failure_reason, x.ended_at
    from migration_source s
    left join migration_wave w on w.id = s.wave_id
    left join tasks x on x.source_id = s.id
    where ${sql.join(where, sql` and `)}
    order by w.starts_on nulls last, s.directorate nulls last, s.path_key`.execute(db);
  const n = (v: number | string | null) => (v === null ? 0 : Number(v));
  return rows.map((r) => ({
    id: r.id,
    uncPath: r.unc_path,
    driveLetter: r.drive_letter,
    kind: r.kind,
    ownerUpn: r.owner_upn,
    directorate: r.directorate,
    waveId: r.wave_id,
    wave: r.wave,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    state: r.state,
    targetSiteUrl: r.target_site_url,
    targetLibrary: r.target_library,
    targetFolder: r.target_folder,
    scanReadiness: r.scan_readiness,
    longestPath: r.scan_longest_path,
    plannedBytes: n(r.scan_bytes ?? r.total_bytes),
    plannedItems: n(r.scan_files ?? r.total_items),
    migratedBytes: n(r.migrated_bytes),
    migratedItems: n(r.migrated_items),
    failedItems: n(r.failed_items),
    taskStatus: r.task_status,
    completedWithFailures: r.completed_with_failures === true,
    failureReason: r.failure_reason,
    lastMigratedAt: r.ended_at,
  }));
}

/** Planned, migrated, failed and verified figures for a group of sources. */
export type ProgressTotals = {
  sources: number;
  plannedBytes: number;
  plannedItems: number;
  migratedBytes: number;
  migratedItems: number;
  failedItems: number;
  verifiedBytes: number;
  verifiedSources: number;
  mismatches: number;
};

const okStatuses: readonly Verification["status"][] = ["match", "in-use", "provisioned-empty"];

/** Totals of sources grouped by a key (wave, directorate); verified counts what Graph confirms. */
export function totalsBy(
  sources: readonly SourceProgress[],
  verification: ReadonlyMap<number, Verification>,
  key: (s: SourceProgress) => string,
): Map<string, ProgressTotals> {
  const totals = new Map<string, ProgressTotals>();
  for (const s of sources) {
    const k = key(s);
    const t = totals.get(k) ?? {
      sources: 0,
      plannedBytes: 0,
      plannedItems: 0,
      migratedBytes: 0,
      migratedItems: 0,
      failedItems: 0,
      verifiedBytes: 0,
      verifiedSources: 0,
      mismatches: 0,
    };
    const v = verification.get(s.id);
    t.sources += 1;
    t.plannedBytes += s.plannedBytes;
    t.plannedItems += s.plannedItems;
    t.migratedBytes += s.migratedBytes;
    t.migratedItems += s.migratedItems;
    t.failedItems += s.failedItems;
    if (v && okStatuses.includes(v.status)) {
      t.verifiedSources += 1;
      t.verifiedBytes += s.migratedBytes;
    }
    if (v?.status === "mismatch") t.mismatches += 1;
    totals.set(k, t);
  }
  return totals;
}

/** A wave as ICT planned it. */
export type MigrationWave = {
  id: number;
  name: string;
  directorates: string[];
  startsOn: string | null;
  endsOn: string | null;
};

export async function listMigrationWaves(db: Db): Promise<MigrationWave[]> {
  const rows = await db
    .selectFrom("migration_wave")
    .select([
      "id",
      "name",
      "directorates",
      sql<string | null>`to_char(starts_on, 'YYYY-MM-DD')`.as("starts_on"),
      sql<string | null>`to_char(ends_on, 'YYYY-MM-DD')`.as("ends_on"),
    ])
    .orderBy(sql`starts_on nulls last`)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    directorates: r.directorates,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  }));
}

export type BytesBurndownPoint = { date: string; remainingBytes: number | null; idealBytes: number };

const DAY_MS = 86_400_000;

/**
 * Bytes still to move at the end of each day (or week) of a wave, from the
 * rounds' end times and migrated bytes (each task's latest round by that day,
 * so a later round never adds to an earlier one), beside a steady pace.
 */
export async function waveBytesBurndown(
  db: Db,
  wave: MigrationWave,
  plannedBytes: number,
  now: Date,
): Promise<BytesBurndownPoint[]> {
  if (!wave.startsOn || !wave.endsOn) return [];
  const rounds = await db
    .selectFrom("migration_task_round as r")
    .innerJoin("migration_task as t", "t.task_id", "r.task_id")
    .innerJoin("migration_source as s", "s.id", "t.source_id")
    .select(["r.task_id", "r.round", "r.ended_at", "r.migrated_bytes"])
    .where("s.wave_id", "=", wave.id)
    .where("r.ended_at", "is not", null)
    .orderBy("r.ended_at")
    .execute();
  const first = Date.parse(`${wave.startsOn}T00:00:00Z`);
  const last = Date.parse(`${wave.endsOn}T00:00:00Z`);
  const spanDays = (last - first) / DAY_MS + 1;
  const stride = spanDays > 92 ? 7 : 1;
  const days: number[] = [];
  for (let day = first; day < last; day += stride * DAY_MS) days.push(day);
  days.push(last);
  return days.map((day) => {
    const end = day + DAY_MS;
    const latest = new Map<string, { round: number; bytes: number }>();
    for (const r of rounds) {
      if ((r.ended_at as Date).getTime() >= end) continue;
      const seen = latest.get(r.task_id);
      if (!seen || seen.round <= r.round)
        latest.set(r.task_id, { round: r.round, bytes: Number(r.migrated_bytes ?? 0) });
    }
    const done = [...latest.values()].reduce((sum, v) => sum + v.bytes, 0);
    return {
      date: new Date(day).toISOString().slice(0, 10),
      remainingBytes: day > now.getTime() ? null : Math.max(0, plannedBytes - done),
      idealBytes: Math.round(plannedBytes * (1 - (end - first) / DAY_MS / spanDays)),
    };
  });
}
