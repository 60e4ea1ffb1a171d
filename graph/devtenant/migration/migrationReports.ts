/**
 * Writes the generated council's migration as the tools would leave it on
 * disk, so the whole flow runs with no tenant: ICT's plan, Migration
 * Manager's scan report and bulk task file, SPMT workflow folders
 * (SummaryReport.csv, TaskReport_<id>/ItemReport_R<n>.csv, ItemFailureReport,
 * FailureSummaryReport.csv, ScanSummary.csv) and Migration Manager task zips
 * (<task id>.zip, with FatalError_R1.csv for an aborted task) beside its
 * Aggregate Summary Report.csv. Items fail one by one as they do in real
 * migrations (paths too long, invalid characters, files too large or checked
 * out, access denied, server errors) while their task still says "Completed".
 */

import { once } from "node:events";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { zipSync } from "fflate";
import { dateTimeOf, dayNumber } from "../council/dates";
import { Random, seedFrom } from "../council/random";
import type { Council } from "../council/types";
import { type CouncilFileShares, councilFileShares, type GeneratedShare } from "./fileShares";

export const itemReportHeader = [
  "Source",
  "Destination",
  "Item name",
  "Extension",
  "Item size (bytes)",
  "Type",
  "Status",
  "Result category",
  "Message",
  "Source item ID",
  "Destination item ID",
  "Package number",
  "Migration job ID",
  "Incremental round",
  "Task ID",
  "Device name",
];
const failureReportHeader = [...itemReportHeader.slice(0, 9), "Error code", ...itemReportHeader.slice(9)];
const summaryHeader = [
  "Source",
  "Destination",
  "Status",
  "Total bytes",
  "Total GB",
  "Count of files",
  "Migrated bytes",
  "Total scanned items",
  "Start time",
  "End time",
  "Duration",
  "GB/hour",
  "Round number",
  "Workflow ID",
  "Task ID",
  "Log Path",
  "Migrated GB in current round",
  "GB not migrated in current round",
  "Total to be migrated in current round",
  "Migrated items in current round",
  "Items not migrated in current round",
  "Warning count in current round",
];
const aggregateHeader = [
  "Task name",
  "Status",
  "Source",
  "Destination",
  "Total scanned items",
  "Total to be migrated items",
  "Migrated items",
  "Items not migrated",
  "Total bytes",
  "Total GB",
  "Migrated bytes",
  "Migrated GB",
  "Agent",
  "Duration",
  "TaskID",
  "Task failure reason",
  "Agent group",
];
const scanHeader = [
  "Source path",
  "Scan status",
  "Data size",
  "File count",
  "Folder count",
  "Max path length",
  "Root permissions",
  "Last accessed",
  "Created on",
  "Migration Readiness",
  "Task ID",
];
const planHeader = [
  "Source path",
  "Drive letter",
  "Kind",
  "Owner",
  "Directorate",
  "Wave",
  "Planned start",
  "Planned end",
  "State",
  "Target site",
  "Target library",
  "Target folder",
  "Task ID",
];

/** How real items fail: the tools' words, category and code. */
const failureKinds = [
  {
    message: "The item's path exceeds the maximum length of 400 characters",
    category: "SCAN FAILURE",
    code: "0x01310009",
  },
  { message: "The file name contains characters that are not allowed", category: "SCAN FAILURE", code: "0x01310002" },
  { message: "The file is too big to migrate", category: "SCAN FAILURE", code: "0x0111000A" },
  { message: "The file is checked out", category: "UPLOADING FAILURE", code: "0x0131000F" },
  { message: "Access is denied", category: "SCAN FAILURE", code: "0x02010023" },
  { message: "Not all the items in the package have been migrated", category: "SERVER FAILURE", code: "0x01710009" },
] as const;

const folders = ["Admin", "Meetings", "Reports", "Correspondence", "Projects", "Archive", "Policies", "Budgets"];
const words = ["minutes", "report", "budget", "letter", "plan", "review", "rota", "notes", "contract", "survey"];
const extensions = ["docx", "xlsx", "pdf", "pptx", "msg", "jpg"];

const field = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
export const csvLine = (fields: readonly (string | number)[]) => `${fields.map(field).join(",")}\r\n`;
const csv = (header: readonly string[], rows: readonly (readonly (string | number)[])[]) =>
  [header, ...rows].map(csvLine).join("");

export type WriteReportsOptions = {
  /** Items listed per task's item report (the summary carries the full totals). */
  itemsPerTask?: number;
};

/** What was written, for tests and the CLI's summary. */
export type WrittenReports = CouncilFileShares & { files: string[] };

/** Writes every report file for the council under `outDir`; the same council writes the same files. */
export function writeMigrationReports(
  council: Council,
  outDir: string,
  options: WriteReportsOptions = {},
): WrittenReports {
  const itemsPerTask = options.itemsPerTask ?? 40;
  const plan = councilFileShares(council);
  const random = new Random(seedFrom(council.seed, "migration-reports"));
  const files: string[] = [];
  const write = (path: string, text: string | Uint8Array) => {
    const full = join(outDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    files.push(full);
  };
  const today = dayNumber(council.today);

  write(
    "plan.csv",
    csv(
      planHeader,
      plan.shares.map((s) => [
        s.uncPath,
        s.driveLetter,
        s.kind,
        s.ownerUpn,
        s.directorate,
        s.wave.name,
        s.wave.startsOn,
        s.wave.endsOn,
        "",
        s.targetSiteUrl,
        s.targetLibrary,
        "",
        s.taskId,
      ]),
    ),
  );
  const shared = plan.shares.filter((s) => s.kind === "shared");
  write(
    "MigrationManager/ScanReport.csv",
    csv(
      scanHeader,
      shared.map((s) => [
        s.uncPath,
        "Completed",
        s.scanBytes,
        s.scanFiles,
        s.scanFolders,
        s.longestPath,
        `${council.domain.split(".")[0]?.toUpperCase()}\\${s.uncPath.split("\\").at(-1)} Modify`,
        dateTimeOf(today - random.int(1, 30), random.int(0, 86_399)),
        dateTimeOf(today - random.int(2000, 6000), 0),
        s.longestPath > 400 ? "High risk" : s.longestPath > 255 ? "Medium risk" : "Low risk",
        s.taskId,
      ]),
    ),
  );
  write(
    "MigrationManager/BulkTasks.csv",
    plan.shares
      .filter((s) => s.wave.phase === "planned")
      .map((s) => csvLine([s.uncPath, "", "", s.targetSiteUrl, s.targetLibrary, ""]))
      .join(""),
  );

  // Wave 1 ran through SPMT on ICT's own machine; wave 2 through Migration Manager's agents.
  const started = plan.shares.filter((s) => s.progress !== "not-started");
  const spmt = started.filter((s) => s.wave.phase === "done");
  const manager = started.filter((s) => s.wave.phase === "running");
  const summaryRows: (string | number)[][] = [];
  for (const share of spmt) {
    const task = taskReports(share, random, share.kind === "shared" ? itemsPerTask : 0, today);
    summaryRows.push(...task.summaryRows);
    const folder = `SPMT/WF_1/Report/TaskReport_${share.taskId}`;
    if (task.items.length > 0) {
      write(`${folder}/ItemReport_R1.csv`, csv(itemReportHeader, task.items));
      write(`${folder}/ItemFailureReport_R1.csv`, csv(failureReportHeader, task.failures));
      write(`${folder}/FailureSummaryReport.csv`, csv(["Error code", "Message", "Count"], task.failureSummary));
      write(
        `${folder}/ScanSummary.csv`,
        csv(
          [
            "Incremental round",
            "Total scanned items",
            "Total scanned folders",
            "Total scanned list items",
            "Total scanned files",
            "Folders with issues",
            "Items with issues",
            "Items filtered out",
            "Folders to be migrated",
            "Items to be migrated",
            "Total items to be migrated",
            "Device name",
          ],
          [
            [
              1,
              share.scanFiles + share.scanFolders,
              share.scanFolders,
              0,
              share.scanFiles,
              0,
              task.failures.length,
              0,
              share.scanFolders,
              share.scanFiles,
              share.scanFiles + share.scanFolders,
              "ICT-MIG-01",
            ],
          ],
        ),
      );
    }
  }
  write("SPMT/WF_1/Report/SummaryReport.csv", csv(summaryHeader, summaryRows));

  const aggregate: (string | number)[][] = [];
  for (const share of manager) {
    const aborted = share.progress === "aborted";
    const task = taskReports(share, random, share.kind === "shared" ? itemsPerTask : 0, today);
    const entries: Record<string, Uint8Array> = {};
    const encode = (text: string) => new TextEncoder().encode(text);
    if (aborted) {
      entries["FatalError_R1.csv"] = encode(
        csv(
          ["Time", "Error code", "Message"],
          [
            [
              dateTimeOf(today - 3, 3600 * 20),
              "0x01710006",
              "The job hit a fatal error: the agent lost its connection to the file share",
            ],
          ],
        ),
      );
    } else {
      entries["SummaryReport.csv"] = encode(csv(summaryHeader, task.summaryRows));
      if (task.items.length > 0) {
        entries["ItemReport_R1.csv"] = encode(csv(itemReportHeader, task.items));
        entries["ItemFailureReport_R1.csv"] = encode(csv(failureReportHeader, task.failures));
        entries["FailureSummaryReport.csv"] = encode(csv(["Error code", "Message", "Count"], task.failureSummary));
      }
    }
    if (share.kind === "shared")
      write(
        `MigrationManager/${share.taskId}.zip`,
        zipSync(entries, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") }),
      );
    const row = task.summaryRows[0] as (string | number)[];
    aggregate.push([
      `${share.directorate}: ${share.uncPath}`,
      aborted ? "Failed" : share.progress === "migrated" ? "Completed" : "In progress",
      share.uncPath,
      share.targetSiteUrl,
      share.scanFiles,
      share.scanFiles,
      aborted ? 0 : (row[19] as number),
      aborted ? share.scanFiles : (row[20] as number),
      share.scanBytes,
      (share.scanBytes / 1024 ** 3).toFixed(2),
      aborted ? 0 : (row[6] as number),
      aborted ? "0.00" : ((row[6] as number) / 1024 ** 3).toFixed(2),
      "ICT-MIG-AGENT-01",
      "02:10:00",
      share.taskId,
      aborted ? "The agent lost its connection to the file share" : "",
      "Default",
    ]);
  }
  write("MigrationManager/Aggregate Summary Report.csv", csv(aggregateHeader, aggregate));
  return { ...plan, files };
}

type TaskReports = {
  summaryRows: (string | number)[][];
  items: (string | number)[][];
  failures: (string | number)[][];
  failureSummary: (string | number)[][];
};

function taskReports(share: GeneratedShare, random: Random, itemCount: number, today: number): TaskReports {
  const items: (string | number)[][] = [];
  const failures: (string | number)[][] = [];
  const failedCount = itemCount === 0 ? 0 : random.chance(0.6) ? random.int(1, Math.min(6, itemCount)) : 0;
  const byCode = new Map<string, { message: string; count: number }>();
  let failedBytes = 0;
  for (let i = 0; i < itemCount; i++) {
    const folder = random.pick(folders);
    const failure = i < failedCount ? random.pick(failureKinds) : null;
    const extension = random.pick(extensions);
    const base = `${random.pick(words)} ${2015 + random.int(0, 11)}-${String(i + 1).padStart(3, "0")}`;
    const name = failure?.code === "0x01310002" ? `${base} draft?.${extension}` : `${base}.${extension}`;
    const deep = failure?.code === "0x01310009" ? `${"Old projects kept for reference\\".repeat(12)}` : "";
    const source = `${share.uncPath}\\${folder}\\${deep}${name}`;
    const size = failure?.code === "0x0111000A" ? 268_435_456_000 : random.int(10_000, 8_000_000);
    const destination = `${share.targetSiteUrl}/Shared Documents/${folder}/${name}`;
    const common = [source, destination, name, extension, size, "File"];
    const tail = [i + 1, failure ? "" : i + 1, 0, `job-${share.taskId.slice(0, 8)}`, 1, share.taskId, "ICT-MIG-01"];
    if (failure) {
      failedBytes += size;
      items.push([...common, "Failed", failure.category, failure.message, ...tail]);
      failures.push([...common, "Failed", failure.category, failure.message, failure.code, ...tail]);
      const seen = byCode.get(failure.code) ?? { message: failure.message, count: 0 };
      seen.count += 1;
      byCode.set(failure.code, seen);
    } else items.push([...common, "Migrated", "", "", ...tail]);
  }
  const complete = share.progress === "migrated";
  const migratedFiles = complete ? share.scanFiles - failedCount : Math.round(share.scanFiles * 0.4);
  const migratedBytes = Math.round(
    complete ? Math.max(0, share.scanBytes - Math.min(failedBytes, share.scanBytes / 100)) : share.scanBytes * 0.4,
  );
  const endDay = complete
    ? share.wave.phase === "done"
      ? dayNumber(share.wave.startsOn) + random.int(3, 40)
      : today - random.int(1, 10)
    : today;
  const start = dateTimeOf(endDay, 18 * 3600);
  const end = dateTimeOf(endDay, 22 * 3600);
  return {
    summaryRows: [
      [
        share.uncPath,
        share.targetSiteUrl,
        complete ? "Completed" : "In progress",
        share.scanBytes,
        (share.scanBytes / 1024 ** 3).toFixed(2),
        share.scanFiles,
        migratedBytes,
        share.scanFiles + share.scanFolders,
        start,
        complete ? end : "",
        "04:00:00",
        "10.0",
        1,
        share.kind === "shared" ? "1" : "home",
        share.taskId,
        "C:\\Users\\ict.migration\\AppData\\Roaming\\Microsoft\\MigrationTool\\Log",
        (migratedBytes / 1024 ** 3).toFixed(2),
        ((share.scanBytes - migratedBytes) / 1024 ** 3).toFixed(2),
        share.scanFiles,
        migratedFiles,
        failedCount,
        0,
      ],
    ],
    items,
    failures,
    failureSummary: [...byCode].map(([code, { message, count }]) => [code, message, count]),
  };
}

/**
 * A large SPMT item report (the benchmark's input), written as a stream:
 * `rows` items of one task, one in fifty failed, split into files of
 * `rowsPerFile` (ItemReport_R1_001.csv, …) when given.
 */
export async function writeLargeItemReport(path: string, rows: number, taskId = "bench-task-0001"): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  out.write(csvLine(itemReportHeader));
  let buffer = "";
  for (let i = 0; i < rows; i++) {
    const failed = i % 50 === 49;
    const folder = folders[i % folders.length];
    const name = `${words[i % words.length]} ${i}.${extensions[i % extensions.length]}`;
    buffer += csvLine([
      `\\\\FS01\\Bench\\${folder}\\${Math.floor(i / 1000)}\\${name}`,
      `https://council.sharepoint.com/sites/Bench/Shared Documents/${folder}/${Math.floor(i / 1000)}/${name}`,
      name,
      extensions[i % extensions.length] as string,
      10_000 + (i % 100_000),
      "File",
      failed ? "Failed" : "Migrated",
      failed ? "SCAN FAILURE" : "",
      failed ? "The file is checked out" : "",
      i + 1,
      failed ? "" : i + 1,
      Math.floor(i / 500),
      "job-bench",
      1,
      taskId,
      "ICT-MIG-01",
    ]);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}
