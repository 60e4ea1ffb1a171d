import { sql } from "kysely";
import { csvFile } from "../csvFile";
import { t } from "../messages/catalogue";
import type { Db } from "../store/database";
import { type FailureCause, failureCauses } from "./failureCauses";

/** Failed items of one cause: how many, and a few paths to show what they look like. */
export type FailureGroup = { cause: FailureCause; label: string; items: number; examples: string[] };

/** Failed items (each at its latest round) grouped by cause, the commonest first. */
export async function failureGroups(db: Db, sourceId?: number): Promise<FailureGroup[]> {
  const { rows } = await sql<{ cause: FailureCause; items: number; examples: string[] }>`
    select coalesce(i.cause, 'other') as cause, count(*)::int as items,
      (array_agg(i.item_path order by i.item_path))[1:3] as examples
    from migration_item i join migration_task t on t.task_id = i.task_id
    where i.status = 'failed' ${sourceId === undefined ? sql`` : sql`and t.source_id = ${sourceId}`}
    group by 1 order by 2 desc, 1`.execute(db);
  return rows.map((r) => ({
    cause: failureCauses.includes(r.cause) ? r.cause : "other",
    label: t(`migration.cause.${failureCauses.includes(r.cause) ? r.cause : "other"}`),
    items: Number(r.items),
    examples: r.examples,
  }));
}

/** Every failed item as CSV, grouped by source, for owners to fix: what, where, why in words, and the tool's message. */
export async function failedItemsCsv(db: Db): Promise<{ csv: string; items: number }> {
  const rows = await db
    .selectFrom("migration_item as i")
    .innerJoin("migration_task as t", "t.task_id", "i.task_id")
    .leftJoin("migration_source as s", "s.id", "t.source_id")
    .select([
      "s.unc_path",
      "s.owner_upn",
      "s.directorate",
      "i.item_path",
      "i.cause",
      "i.message",
      "i.error_code",
      "i.size_bytes",
      "i.round",
      "i.task_id",
    ])
    .where("i.status", "=", "failed")
    .orderBy("s.path_key")
    .orderBy("i.item_path")
    .execute();
  const header = [
    "tabs.migration.csv.source",
    "tabs.migration.csv.owner",
    "tabs.migration.csv.directorate",
    "tabs.migration.csv.item",
    "tabs.migration.csv.cause",
    "tabs.migration.csv.message",
    "tabs.migration.csv.errorCode",
    "tabs.migration.csv.size",
    "tabs.migration.csv.round",
    "tabs.migration.csv.task",
  ] as const;
  return {
    csv: csvFile([
      header.map((k) => t(k)),
      ...rows.map((r) => [
        r.unc_path ?? "",
        r.owner_upn ?? "",
        r.directorate ?? "",
        r.item_path,
        t(`migration.cause.${(r.cause ?? "other") as FailureCause}`),
        r.message ?? "",
        r.error_code ?? "",
        r.size_bytes === null ? "" : String(r.size_bytes),
        String(r.round),
        r.task_id,
      ]),
    ]),
    items: rows.length,
  };
}
