import { sql } from "kysely";
import type { Db } from "../store/database";

/**
 * After an import: tasks find their source (by the task id the plan or scan
 * names, the task's source path, or, for a task known only from its items,
 * the source whose path its items sit under), and sources move on from what
 * their tasks say: completed → migrated, anything else → migrating. A source
 * ICT has already marked verified, read-only or decommissioned is left alone.
 */
export async function linkTasksAndStates(db: Db): Promise<void> {
  await sql`
    update migration_task t set source_id = s.id
    from migration_source s
    where t.source_id is null
      and (s.task_id = t.task_id or s.path_key = rtrim(lower(replace(t.source_path, '/', '\\')), '\\'))`.execute(db);
  await sql`
    update migration_task t set source_id = (
      select s.id from migration_source s
      where starts_with(lower((select i.item_path from migration_item i where i.task_id = t.task_id limit 1)), s.path_key || '\\')
      order by length(s.path_key) desc limit 1)
    where t.source_id is null and exists (select 1 from migration_item i where i.task_id = t.task_id)`.execute(db);
  await sql`
    update migration_source s set state = x.state, updated_at = now()
    from (
      select source_id, case when bool_and(status ilike 'completed%') then 'migrated' else 'migrating' end as state
      from migration_task where source_id is not null and status is not null group by source_id
    ) x
    where x.source_id = s.id and s.state in ('planned', 'scanned', 'migrating') and s.state <> x.state`.execute(db);
}

/** A wave by name, made when first named (by a plan row or the CLI); its id. */
export async function waveIdFor(db: Db, name: string): Promise<number> {
  const row = await db
    .insertInto("migration_wave")
    .values({ name, directorates: "[]" })
    .onConflict((c) => c.column("name").doUpdateSet({ name }))
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A wave's directorates and dates follow its sources unless set by hand:
 * the directorates named on them, the earliest planned start and latest end.
 */
export async function fillWavesFromSources(db: Db): Promise<void> {
  await sql`
    update migration_wave w set
      directorates = case when jsonb_array_length(w.directorates) = 0 then coalesce(x.directorates, '[]'::jsonb) else w.directorates end,
      starts_on = coalesce(w.starts_on, x.starts_on),
      ends_on = coalesce(w.ends_on, x.ends_on)
    from (
      select wave_id, jsonb_agg(distinct directorate) filter (where directorate is not null) as directorates,
        min(planned_start) as starts_on, max(planned_end) as ends_on
      from migration_source where wave_id is not null group by wave_id
    ) x
    where x.wave_id = w.id`.execute(db);
}
