import { createHash } from "node:crypto";
import { type Readable, Transform } from "node:stream";
import { sql } from "kysely";
import { t } from "../messages/catalogue";
import type { Db } from "../store/database";
import { failureCause, itemStatus } from "./failureCauses";
import { applyPlanRows } from "./planCsv";
import { linkTasksAndStates } from "./planRepository";
import { type ReportKind, roundFromName, taskIdFromPath } from "./reportFormats";
import { malformed, openReport, RowReader } from "./reportReader";
import { pathKey } from "./sourcePaths";

export type ImportReportProps = {
  /** The file's name as ICT knows it (its path inside a folder or zip): named in every refusal. */
  fileName: string;
  /** The file's bytes, read once as a stream. */
  input: Readable;
  /** A kind to read it as, when the name and header cannot tell (the tab's plan upload). */
  kind?: ReportKind;
};

export type ImportOutcome = {
  fileName: string;
  kind: ReportKind;
  /** "imported", or "unchanged" when a file with the same content was imported before. */
  result: "imported" | "unchanged";
  rows: number;
};

/** Rows sent to the store per statement. */
const batchRows = 5_000;

class AlreadyImported extends Error {}

/**
 * Imports one report file in one transaction: all of it or, when any line is
 * malformed, none of it. A file whose content was imported before changes
 * nothing. Items are keyed by task and item path and keep the latest round,
 * so a later incremental round updates them and never counts one twice.
 * @throws AppError invalid_input naming the file, line and column of the first problem.
 */
export async function importReport(db: Db, props: ImportReportProps): Promise<ImportOutcome> {
  // The same bytes in another task's folder (an empty failure report, say) are another report.
  const hash = createHash("sha256").update(
    `${taskIdFromPath(props.fileName) ?? ""}\u0000${roundFromName(props.fileName) ?? ""}\u0000`,
  );
  const hashing = new Transform({
    transform(chunk, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  props.input.on("error", (error) => hashing.destroy(error));
  const input = props.input.pipe(hashing);
  let kind: ReportKind = props.kind ?? "item";
  try {
    const rows = await db.transaction().execute(async (trx) => {
      const report = await openReport(input, props.fileName, props.kind);
      kind = report.kind;
      const { id: importId } = await trx
        .insertInto("migration_import")
        .values({ file_name: props.fileName, kind, sha256: `pending:${Math.random()}`, rows: 0 })
        .returning("id")
        .executeTakeFirstOrThrow();
      const reader = new RowReader(props.fileName, report);
      const count = await importers[kind]({ trx, reader, report, importId, fileName: props.fileName });
      const sha256 = hash.digest("hex");
      const earlier = await trx
        .selectFrom("migration_import")
        .select("id")
        .where("sha256", "=", sha256)
        .executeTakeFirst();
      if (earlier) throw new AlreadyImported();
      await trx.updateTable("migration_import").set({ sha256, rows: count }).where("id", "=", importId).execute();
      await linkTasksAndStates(trx);
      return count;
    });
    return { fileName: props.fileName, kind, result: "imported", rows };
  } catch (error) {
    if (error instanceof AlreadyImported) return { fileName: props.fileName, kind, result: "unchanged", rows: 0 };
    throw error;
  } finally {
    input.resume();
  }
}

type ImportContext = {
  trx: Db;
  reader: RowReader;
  report: Awaited<ReturnType<typeof openReport>>;
  importId: number;
  fileName: string;
};

const importers: Record<ReportKind, (ctx: ImportContext) => Promise<number>> = {
  item: (ctx) => importItems(ctx, false),
  itemFailure: (ctx) => importItems(ctx, true),
  summary: importSummary,
  aggregateSummary: importAggregate,
  failureSummary: importFailureSummary,
  scanSummary: importScanSummary,
  scan: importScan,
  fatalError: importFatalErrors,
  plan: (ctx) => applyPlanRows(ctx.trx, ctx.report, ctx.reader, false),
  bulkTasks: (ctx) => applyPlanRows(ctx.trx, ctx.report, ctx.reader, true),
};

/** The task a row belongs to: its Task ID column, else the folder or zip the file came from. */
function taskOf(ctx: ImportContext, fallback: string | null = null): string {
  const id = ctx.reader.optional("taskId") ?? taskIdFromPath(ctx.fileName) ?? fallback;
  if (!id) throw malformed(ctx.fileName, ctx.reader.line, null, t("migration.import.noTask"));
  return id;
}

const roundOf = (ctx: ImportContext) => ctx.reader.count("round") ?? roundFromName(ctx.fileName) ?? 1;

type ItemRow = {
  task_id: string;
  item_path: string;
  round: number;
  status: string;
  size_bytes: number | null;
  result_category: string | null;
  error_code: string | null;
  message: string | null;
  cause: string | null;
  import_id: number;
};

async function importItems(ctx: ImportContext, failureReport: boolean): Promise<number> {
  const { reader } = ctx;
  const tasks = new Set<string>();
  let batch = new Map<string, ItemRow>();
  let count = 0;
  const flush = async () => {
    if (batch.size === 0) return;
    const rows = [...batch.values()];
    batch = new Map();
    // Column arrays, unnested by PostgreSQL: far cheaper to bind and parse than a row object each.
    const column = <K extends keyof ItemRow>(key: K) => rows.map((r) => r[key]);
    await sql`
      insert into migration_item (task_id, item_path, round, status, size_bytes, result_category, error_code, message, cause, import_id)
      select t, p, r, s, b, c, e, m, x, ${ctx.importId}::int from unnest(
        ${column("task_id")}::text[], ${column("item_path")}::text[], ${column("round")}::int[], ${column("status")}::text[],
        ${column("size_bytes")}::int8[], ${column("result_category")}::text[], ${column("error_code")}::text[],
        ${column("message")}::text[], ${column("cause")}::text[]) as u(t, p, r, s, b, c, e, m, x)
      on conflict (task_id, item_path) do update set
        round = excluded.round, status = excluded.status, size_bytes = coalesce(excluded.size_bytes, migration_item.size_bytes),
        result_category = excluded.result_category, error_code = excluded.error_code, message = excluded.message,
        cause = excluded.cause, import_id = excluded.import_id
      where migration_item.round <= excluded.round`.execute(ctx.trx);
  };
  for await (const row of ctx.report.rows) {
    reader.at(row);
    const path = reader.text("source");
    if (path === "") throw reader.bad("source", t("migration.import.emptyValue"));
    const taskId = taskOf(ctx);
    const category = reader.optional("resultCategory");
    const status = itemStatus(reader.text("status"), category, failureReport);
    const errorCode = reader.optional("errorCode");
    const message = reader.optional("message");
    const item: ItemRow = {
      task_id: taskId,
      item_path: path,
      round: roundOf(ctx),
      status,
      size_bytes: reader.count("size"),
      result_category: category,
      error_code: errorCode,
      message: status === "migrated" ? null : message,
      cause: status === "failed" ? failureCause(errorCode, message, category) : null,
      import_id: ctx.importId,
    };
    const key = `${taskId}\u0000${path}`;
    const earlier = batch.get(key);
    if (!earlier || earlier.round <= item.round) batch.set(key, item);
    tasks.add(taskId);
    count += 1;
    if (batch.size >= batchRows) await flush();
  }
  await flush();
  if (tasks.size > 0) {
    await ctx.trx
      .insertInto("migration_task")
      .values([...tasks].map((task_id) => ({ task_id })))
      .onConflict((c) => c.column("task_id").doNothing())
      .execute();
  }
  return count;
}

async function importSummary(ctx: ImportContext): Promise<number> {
  const { reader, trx } = ctx;
  let count = 0;
  for await (const row of ctx.report.rows) {
    reader.at(row);
    const source = reader.text("source");
    const taskId = taskOf(ctx, source === "" ? null : `source:${pathKey(source)}`);
    const round = roundOf(ctx);
    const failed = reader.count("itemsNotMigrated");
    const totalItems = reader.count("totalScannedItems") ?? reader.count("countOfFiles");
    const figures = {
      status: reader.optional("status"),
      total_bytes: reader.count("totalBytes"),
      migrated_bytes: reader.count("migratedBytes"),
      total_items: totalItems,
      migrated_items: reader.count("migratedItems"),
      failed_items: failed,
    };
    const ended = reader.time("end");
    await trx
      .insertInto("migration_task_round")
      .values({
        task_id: taskId,
        round,
        ...figures,
        started_at: reader.time("start"),
        ended_at: ended,
        import_id: ctx.importId,
      })
      .onConflict((c) =>
        c.columns(["task_id", "round"]).doUpdateSet((eb) => ({
          status: eb.ref("excluded.status"),
          total_bytes: eb.ref("excluded.total_bytes"),
          migrated_bytes: eb.ref("excluded.migrated_bytes"),
          total_items: eb.ref("excluded.total_items"),
          migrated_items: eb.ref("excluded.migrated_items"),
          failed_items: eb.ref("excluded.failed_items"),
          started_at: eb.ref("excluded.started_at"),
          ended_at: eb.ref("excluded.ended_at"),
          import_id: eb.ref("excluded.import_id"),
        })),
      )
      .execute();
    await upsertTask(trx, {
      task_id: taskId,
      source_path: source || null,
      destination: reader.optional("destination"),
      last_round: round,
      ended_at: ended,
      ...figures,
    });
    count += 1;
  }
  return count;
}

type TaskValues = { task_id: string } & Partial<
  Record<"source_path" | "destination" | "task_name" | "status" | "failure_reason", string | null>
> &
  Partial<
    Record<
      "last_round" | "total_bytes" | "migrated_bytes" | "total_items" | "migrated_items" | "failed_items",
      number | null
    >
  > & { ended_at?: Date | null };

/** A task's latest figures: a report from an earlier round never overwrites a later one's. */
async function upsertTask(trx: Db, values: TaskValues) {
  const set = Object.keys(values).filter((k) => k !== "task_id") as (keyof TaskValues)[];
  await trx
    .insertInto("migration_task")
    .values(values)
    .onConflict((c) =>
      c
        .column("task_id")
        .doUpdateSet(() => ({
          ...Object.fromEntries(
            set.map((column) => [
              column,
              sql`coalesce(${sql.ref(`excluded.${column}`)}, ${sql.ref(`migration_task.${column}`)})`,
            ]),
          ),
          updated_at: sql`now()`,
        }))
        .where(
          sql<boolean>`coalesce(migration_task.last_round, 0) <= coalesce(${sql.ref("excluded.last_round")}, migration_task.last_round, 0)`,
        ),
    )
    .execute();
}

async function importAggregate(ctx: ImportContext): Promise<number> {
  const { reader, trx } = ctx;
  let count = 0;
  for await (const row of ctx.report.rows) {
    reader.at(row);
    await upsertTask(trx, {
      task_id: taskOf(ctx),
      task_name: reader.optional("taskName"),
      status: reader.optional("status"),
      source_path: reader.optional("source"),
      destination: reader.optional("destination"),
      failure_reason: reader.optional("failureReason"),
      total_bytes: reader.count("totalBytes"),
      migrated_bytes: reader.count("migratedBytes"),
      total_items: reader.count("totalToBeMigrated") ?? reader.count("totalScannedItems"),
      migrated_items: reader.count("migratedItems"),
      failed_items: reader.count("itemsNotMigrated"),
    });
    count += 1;
  }
  return count;
}

async function importFailureSummary(ctx: ImportContext): Promise<number> {
  const { reader, trx } = ctx;
  let count = 0;
  for await (const row of ctx.report.rows) {
    reader.at(row);
    const values = {
      task_id: taskOf(ctx),
      round: roundOf(ctx),
      error_code: reader.text("errorCode"),
      message: reader.text("message"),
      item_count: reader.count("count") ?? 0,
      import_id: ctx.importId,
    };
    await trx
      .insertInto("migration_failure_summary")
      .values(values)
      .onConflict((c) =>
        c
          .columns(["task_id", "round", "error_code", "message"])
          .doUpdateSet({ item_count: values.item_count, import_id: ctx.importId }),
      )
      .execute();
    await trx
      .insertInto("migration_task")
      .values({ task_id: values.task_id })
      .onConflict((c) => c.doNothing())
      .execute();
    count += 1;
  }
  return count;
}

async function importScanSummary(ctx: ImportContext): Promise<number> {
  const { reader, trx } = ctx;
  let count = 0;
  for await (const row of ctx.report.rows) {
    reader.at(row);
    const values = {
      task_id: taskOf(ctx),
      scan_items: reader.count("totalScannedItems"),
      scan_items_with_issues: reader.count("itemsWithIssues"),
    };
    await trx
      .insertInto("migration_task")
      .values(values)
      .onConflict((c) =>
        c
          .column("task_id")
          .doUpdateSet({ scan_items: values.scan_items, scan_items_with_issues: values.scan_items_with_issues }),
      )
      .execute();
    count += 1;
  }
  return count;
}

async function importScan(ctx: ImportContext): Promise<number> {
  const { reader, trx } = ctx;
  let count = 0;
  for await (const row of ctx.report.rows) {
    reader.at(row);
    const path = reader.text("sourcePath");
    if (path === "") throw reader.bad("sourcePath", t("migration.import.emptyValue"));
    const scan = {
      scan_bytes: reader.size("dataSize"),
      scan_files: reader.count("fileCount"),
      scan_folders: reader.count("folderCount"),
      scan_longest_path: reader.count("maxPathLength"),
      scan_readiness: reader.optional("readiness"),
      scanned_at: new Date(),
    };
    await trx
      .insertInto("migration_source")
      .values({
        path_key: pathKey(path),
        unc_path: path,
        kind: "shared",
        state: "scanned",
        task_id: reader.optional("taskId"),
        ...scan,
      })
      .onConflict((c) =>
        c.column("path_key").doUpdateSet({
          ...scan,
          task_id: sql`coalesce(migration_source.task_id, ${sql.ref("excluded.task_id")})`,
          state: sql`case when migration_source.state = 'planned' then 'scanned' else migration_source.state end`,
          updated_at: sql`now()`,
        }),
      )
      .execute();
    count += 1;
  }
  return count;
}

async function importFatalErrors(ctx: ImportContext): Promise<number> {
  const { reader, trx } = ctx;
  let count = 0;
  for await (const row of ctx.report.rows) {
    reader.at(row);
    const taskId = taskOf(ctx);
    await trx
      .insertInto("migration_fatal_error")
      .values({
        task_id: taskId,
        round: roundOf(ctx),
        line: reader.line,
        error_code: reader.optional("errorCode"),
        message: reader.text("message"),
        import_id: ctx.importId,
      })
      .onConflict((c) => c.columns(["task_id", "round", "line"]).doNothing())
      .execute();
    await upsertTask(trx, { task_id: taskId, failure_reason: reader.text("message") || null });
    count += 1;
  }
  return count;
}
