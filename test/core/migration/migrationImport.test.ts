import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { sql } from "kysely";
import { afterEach, beforeEach, expect, it } from "vitest";
import { importPaths } from "../../../core/migration/importFiles";
import { failedItemsCsv, failureGroups } from "../../../core/migration/migrationFailures";
import { sourceProgress } from "../../../core/migration/migrationProgress";
import { planCsv } from "../../../core/migration/planCsv";
import type { Store } from "../../../core/store/openStore";
import { projectRoot } from "../../support/process";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";

const fixtures = join(projectRoot, "test", "fixtures", "migration");
const tables = [
  "migration_wave",
  "migration_source",
  "migration_import",
  "migration_task",
  "migration_task_round",
  "migration_item",
  "migration_failure_summary",
  "migration_fatal_error",
] as const;

/** Every migration table's rows, in a stable order: what "the store unchanged" compares. */
async function snapshot(store: Store) {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows } = await sql`select * from ${sql.table(table)} order by 1, 2`.execute(store.db);
    out[table] = rows;
  }
  return out;
}

/** Migration Manager's download for a task: its reports zipped under the task's id. */
function taskZip(): string {
  const dir = mkdtempSync(join(tmpdir(), "icthub-mm-"));
  const entries = Object.fromEntries(
    readdirSync(join(fixtures, "zip-task")).map((name) => [name, readFileSync(join(fixtures, "zip-task", name))]),
  );
  const path = join(dir, "7f3e9a10-0002.zip");
  writeFileSync(path, zipSync(entries));
  return path;
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "icthub-report-"));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describeOnEachEngine("migration report import", (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openMigratedStore(engine);
  });
  afterEach(() => store?.close());

  const sourceAt = async (path: string) => (await sourceProgress(store.db)).find((s) => s.uncPath === path);

  it("imports every report kind from files with the documented headers, and a Migration Manager zip", async () => {
    const outcomes = await importPaths(store.db, [join(fixtures, "current"), taskZip()]);
    expect(outcomes.filter((o) => o.result !== "imported")).toEqual([]);
    expect(new Set(outcomes.map((o) => ("kind" in o ? o.kind : null)))).toEqual(
      new Set([
        "plan",
        "scan",
        "summary",
        "item",
        "itemFailure",
        "failureSummary",
        "scanSummary",
        "aggregateSummary",
        "fatalError",
      ]),
    );
    const finance = await sourceAt("\\\\fs01\\finance");
    expect(finance).toMatchObject({
      driveLetter: "S:",
      kind: "shared",
      ownerUpn: "ann.lee@council.gov.uk",
      wave: "Wave 1",
      state: "migrated",
      plannedBytes: 52428800,
      plannedItems: 6,
      migratedBytes: 41943040,
      migratedItems: 4,
      failedItems: 2,
      taskStatus: "Completed",
      completedWithFailures: true,
      longestPath: 212,
      scanReadiness: "Low risk",
    });
    const housing = await sourceAt("\\\\fs01\\housing");
    expect(housing?.failureReason).toMatch(/lost its connection/);
    expect(housing?.state).toBe("migrating");
    expect((await failureGroups(store.db)).map((g) => [g.label, g.items, g.examples.length])).toEqual([
      ["Invalid characters in the name", 1, 1],
      ["Path too long", 1, 1],
    ]);
    const { csv, items } = await failedItemsCsv(store.db);
    expect(items).toBe(2);
    expect(csv).toContain("\\\\fs01\\finance\\Budgets\\draft?.xlsx");
  });

  it("imports the older alias set of headers (File name, File size, Content type, TaskID…)", async () => {
    await importPaths(store.db, [join(fixtures, "current", "plan.csv")]);
    const outcomes = await importPaths(store.db, [join(fixtures, "older")]);
    expect(outcomes.filter((o) => o.result !== "imported")).toEqual([]);
    const housing = await sourceAt("\\\\fs01\\housing");
    expect(housing).toMatchObject({
      plannedBytes: 3000,
      plannedItems: 3,
      migratedBytes: 2000,
      migratedItems: 2,
      failedItems: 1,
      state: "migrated",
      completedWithFailures: true,
      longestPath: 120,
    });
    expect((await failureGroups(store.db)).map((g) => [g.cause, g.items])).toEqual([["checked-out", 1]]);
  });

  it("changes nothing when the same files are imported again", async () => {
    await importPaths(store.db, [join(fixtures, "current"), taskZip()]);
    const before = await snapshot(store);
    const again = await importPaths(store.db, [join(fixtures, "current"), taskZip()]);
    expect(again.every((o) => o.result === "unchanged")).toBe(true);
    expect(await snapshot(store)).toEqual(before);
  });

  it("updates items from a later incremental round without counting any twice, and never goes back to an earlier one", async () => {
    await importPaths(store.db, [join(fixtures, "current", "plan.csv")]);
    await importPaths(store.db, [join(fixtures, "rounds", "R1")]);
    let finance = await sourceAt("\\\\fs01\\finance");
    expect([finance?.migratedItems, finance?.failedItems]).toEqual([2, 1]);
    await importPaths(store.db, [join(fixtures, "rounds", "R2")]);
    finance = await sourceAt("\\\\fs01\\finance");
    expect([finance?.migratedItems, finance?.failedItems]).toEqual([4, 0]);
    const rows = await store.db
      .selectFrom("migration_item")
      .select(["item_path", "round", "size_bytes"])
      .orderBy("item_path")
      .execute();
    expect(rows.map((r) => [r.item_path.split("\\").at(-1), r.round, r.size_bytes])).toEqual([
      ["a.docx", 1, 100],
      ["b.docx", 2, 200],
      ["c.docx", 2, 350],
      ["d.docx", 2, 400],
    ]);
    // Round 1's report read again, renamed so that it is not the same file: round 2 stands.
    const r1 = readFileSync(join(fixtures, "rounds", "R1", "TaskReport_7f3e9a10-0001", "ItemReport_R1.csv"), "utf8");
    await importPaths(store.db, [tempFile("ItemReport_R1.csv", `${r1}\r\n`)]);
    finance = await sourceAt("\\\\fs01\\finance");
    expect([finance?.migratedItems, finance?.failedItems]).toEqual([4, 0]);
  });

  it("reads an item report split into several files as one", async () => {
    const whole = readFileSync(join(fixtures, "rounds", "R1", "TaskReport_7f3e9a10-0001", "ItemReport_R1.csv"), "utf8");
    const [header, ...lines] = whole.trim().split("\r\n");
    const dir = mkdtempSync(join(tmpdir(), "icthub-split-"));
    writeFileSync(join(dir, "ItemReport_R1_001.csv"), `${header}\r\n${lines.slice(0, 2).join("\r\n")}\r\n`);
    writeFileSync(join(dir, "ItemReport_R1_002.csv"), `${header}\r\n${lines.slice(2).join("\r\n")}\r\n`);
    const outcomes = await importPaths(store.db, [dir]);
    expect(outcomes.map((o) => o.result)).toEqual(["imported", "imported"]);
    expect(
      await store.db.selectFrom("migration_item").select(sql<number>`count(*)`.as("n")).executeTakeFirst(),
    ).toEqual({ n: 3 });
  });

  it("refuses a truncated file, naming the file and line, and keeps nothing from it", async () => {
    await importPaths(store.db, [join(fixtures, "current", "plan.csv")]);
    const before = await snapshot(store);
    const whole = readFileSync(
      join(fixtures, "current", "WF_1", "Report", "TaskReport_7f3e9a10-0001", "ItemReport_R1.csv"),
      "utf8",
    );
    const cut = whole.slice(0, whole.lastIndexOf("Failed,"));
    const path = tempFile("ItemReport_R1.csv", cut);
    const [outcome] = await importPaths(store.db, [path]);
    expect(outcome).toMatchObject({ result: "refused" });
    expect(outcome && "message" in outcome ? outcome.message : "").toMatch(
      new RegExp(
        `^${path.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")} line 7, column \\d+: .*Nothing from this file was kept\\.$`,
      ),
    );
    expect(await snapshot(store)).toEqual(before);
  });

  it("refuses a malformed value, naming its line and column, and keeps nothing from the file", async () => {
    const before = await snapshot(store);
    const whole = readFileSync(join(fixtures, "rounds", "R1", "TaskReport_7f3e9a10-0001", "ItemReport_R1.csv"), "utf8");
    const path = tempFile("ItemReport_R1.csv", whole.replace("c.docx,docx,300", "c.docx,docx,three hundred"));
    const [outcome] = await importPaths(store.db, [path]);
    expect(outcome && "message" in outcome ? outcome.message : "").toContain(
      'line 4, column 5: Item size (bytes): "three hundred" is not a whole number',
    );
    expect(await snapshot(store)).toEqual(before);
  });

  it("exports the plan in the columns it imports from, so an export imports back unchanged", async () => {
    await importPaths(store.db, [join(fixtures, "current", "plan.csv")]);
    const before = await snapshot(store);
    const { csv, sources } = await planCsv(store.db);
    expect(sources).toBe(3);
    expect(csv.split("\r\n")[0]).toBe(
      "\uFEFFSource path,Drive letter,Kind,Owner,Directorate,Wave,Planned start,Planned end,State,Target site,Target library,Target folder,Task ID,Scanned bytes,Scanned files,Longest path,Readiness",
    );
    await importPaths(store.db, [tempFile("plan-export.csv", csv)]);
    const after = await snapshot(store);
    expect({ ...after, migration_import: [] }).toEqual({ ...before, migration_import: [] });
  });

  it("imports Migration Manager's bulk task file, with or without its header", async () => {
    const path = tempFile(
      "bulk.csv",
      "\\\\fs01\\planning,,,https://council.sharepoint.com/sites/Planning,Documents,S drive\r\n\\\\fs02\\home$\\amy.ng,,,https://council-my.sharepoint.com/personal/amy_ng_council_gov_uk,Documents,\r\n",
    );
    const [outcome] = await importPaths(store.db, [path]);
    expect(outcome).toMatchObject({ kind: "bulkTasks", rows: 2 });
    const sources = await sourceProgress(store.db);
    expect(sources.map((s) => [s.uncPath, s.kind, s.targetSiteUrl, s.targetFolder])).toEqual([
      ["\\\\fs01\\planning", "shared", "https://council.sharepoint.com/sites/Planning", "S drive"],
      ["\\\\fs02\\home$\\amy.ng", "home", "https://council-my.sharepoint.com/personal/amy_ng_council_gov_uk", null],
    ]);
  });
});
