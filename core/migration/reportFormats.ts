/**
 * The report files ICT imports, how each is recognised and the columns read
 * from it. Headers drift between SPMT and Migration Manager versions, so each
 * field lists the names seen for it (documented, then older or variant ones),
 * compared case-insensitively with spacing and punctuation ignored.
 */

export const reportKinds = [
  "summary",
  "item",
  "itemFailure",
  "failureSummary",
  "scanSummary",
  "aggregateSummary",
  "scan",
  "fatalError",
  "plan",
  "bulkTasks",
] as const;
export type ReportKind = (typeof reportKinds)[number];

type FieldSpec = { names: readonly string[]; required?: boolean };

const f = (required: boolean, ...names: string[]): FieldSpec => ({ names, required });

const itemFields = {
  source: f(true, "Source", "Source path", "Source file path", "Source item path"),
  destination: f(false, "Destination", "Destination path", "Target", "Target path"),
  name: f(false, "Item name", "File name", "Name"),
  size: f(false, "Item size (bytes)", "File size", "Item size", "Size (bytes)", "Size"),
  type: f(false, "Type", "Content type", "Item type"),
  status: f(false, "Status", "Result"),
  resultCategory: f(false, "Result category", "Category"),
  message: f(false, "Message", "Error message", "Details"),
  errorCode: f(false, "Error code", "ErrorCode"),
  round: f(false, "Incremental round", "Round", "Round number"),
  taskId: f(false, "Task ID", "TaskID"),
};

/** The columns read from each kind, by field; a missing required column refuses the file. */
export const reportFields = {
  item: { ...itemFields, status: f(true, "Status", "Result") },
  itemFailure: itemFields,
  summary: {
    source: f(true, "Source", "Source path"),
    destination: f(false, "Destination", "Destination path", "Target"),
    status: f(true, "Status", "Task status"),
    totalBytes: f(false, "Total bytes"),
    migratedBytes: f(false, "Migrated bytes"),
    countOfFiles: f(false, "Count of files", "File count", "Total files"),
    totalScannedItems: f(false, "Total scanned items", "Total scanned item"),
    migratedItems: f(false, "Migrated items in current round", "Migrated Items", "Migrated item"),
    itemsNotMigrated: f(false, "Items not migrated in current round", "Items not migrated", "Failed items"),
    totalToBeMigrated: f(
      false,
      "Total to be migrated in current round",
      "Total to be migrated",
      "Total items to be migrated",
    ),
    start: f(false, "Start time", "Started", "Start"),
    end: f(false, "End time", "Ended", "End", "Finish time"),
    round: f(false, "Round number", "Incremental round", "Round"),
    taskId: f(false, "Task ID", "TaskID"),
  },
  aggregateSummary: {
    taskName: f(false, "Task name"),
    status: f(true, "Status"),
    source: f(true, "Source", "Source path"),
    destination: f(false, "Destination", "Destination path"),
    totalScannedItems: f(false, "Total scanned items"),
    totalToBeMigrated: f(false, "Total to be migrated items", "Total to be migrated"),
    migratedItems: f(false, "Migrated items"),
    itemsNotMigrated: f(false, "Items not migrated"),
    totalBytes: f(false, "Total bytes"),
    migratedBytes: f(false, "Migrated bytes"),
    taskId: f(true, "TaskID", "Task ID"),
    failureReason: f(false, "Task failure reason", "Failure reason"),
  },
  failureSummary: {
    taskId: f(false, "Task ID", "TaskID"),
    round: f(false, "Incremental round", "Round", "Round number"),
    errorCode: f(false, "Error code", "ErrorCode", "Code"),
    message: f(true, "Message", "Error message", "Failure reason", "Reason", "Error"),
    count: f(true, "Count", "Item count", "Items", "Number of items", "Failure count"),
  },
  scanSummary: {
    round: f(false, "Incremental round", "Round"),
    totalScannedItems: f(true, "Total scanned items", "Total scanned item"),
    itemsWithIssues: f(false, "Items with issues"),
    taskId: f(false, "Task ID", "TaskID"),
  },
  scan: {
    sourcePath: f(true, "Source path", "Source", "File share path"),
    scanStatus: f(false, "Scan status", "Status"),
    dataSize: f(true, "Data size", "Total size", "Size"),
    fileCount: f(true, "File count", "Files", "Total files"),
    folderCount: f(false, "Folder count", "Folders", "Total folders"),
    maxPathLength: f(false, "Max path length", "Longest path", "Maximum path length"),
    readiness: f(false, "Migration Readiness", "Readiness"),
    taskId: f(false, "Task ID", "TaskID"),
  },
  fatalError: {
    errorCode: f(false, "Error code", "ErrorCode", "Code"),
    message: f(true, "Message", "Error message", "Error", "Details", "Fatal error"),
    taskId: f(false, "Task ID", "TaskID"),
  },
  plan: {
    sourcePath: f(true, "Source path", "Source", "UNC path", "FileSharePath"),
    driveLetter: f(false, "Drive letter", "Drive"),
    kind: f(false, "Kind", "Source kind"),
    owner: f(false, "Owner", "Owner sign-in name", "Owner UPN"),
    directorate: f(false, "Directorate", "Department"),
    wave: f(false, "Wave"),
    plannedStart: f(false, "Planned start", "Start"),
    plannedEnd: f(false, "Planned end", "End"),
    state: f(false, "State"),
    targetSite: f(false, "Target site", "SharePointSite", "Site"),
    targetLibrary: f(false, "Target library", "DocLibrary", "Library"),
    targetFolder: f(false, "Target folder", "DocSubFolder", "Folder"),
    taskId: f(false, "Task ID", "TaskID"),
  },
  bulkTasks: {},
} as const satisfies Record<ReportKind, Record<string, FieldSpec>>;

export type FieldsOf<K extends ReportKind> = keyof (typeof reportFields)[K];

/** "Item size (bytes)" → "itemsizebytes": how headers are compared. */
export const headerKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Which column holds each field, from a header row; the fields missing from
 * it, if any required one is.
 */
export function mapHeader(
  kind: ReportKind,
  header: readonly string[],
): { columns: Record<string, number>; missing: string[] } {
  const keys = header.map(headerKey);
  const columns: Record<string, number> = {};
  const missing: string[] = [];
  for (const [field, spec] of Object.entries(reportFields[kind]) as [string, FieldSpec][]) {
    const index = spec.names.map(headerKey).reduce((found, name) => (found >= 0 ? found : keys.indexOf(name)), -1);
    if (index >= 0) columns[field] = index;
    else if (spec.required) missing.push(spec.names[0] as string);
  }
  return { columns, missing };
}

/**
 * A report's kind from its file name, as SPMT and Migration Manager name them;
 * null when the name says nothing (then the header decides).
 */
export function kindFromName(fileName: string): ReportKind | null {
  const name = fileName.replace(/^.*[\\/]/, "").toLowerCase();
  if (!name.endsWith(".csv")) return null;
  if (/^itemfailurereport_r\d+(_\d+)?\.csv$/.test(name)) return "itemFailure";
  if (/^itemreport_r\d+(_\d+)?\.csv$/.test(name)) return "item";
  if (/^failuresummary(report)?(_r\d+)?\.csv$/.test(name)) return "failureSummary";
  if (/^scansummary(report)?(_r\d+)?\.csv$/.test(name)) return "scanSummary";
  if (/^aggregate ?summary ?report.*\.csv$/.test(name)) return "aggregateSummary";
  if (/^summaryreport.*\.csv$/.test(name)) return "summary";
  if (/^fatalerror_r\d+\.csv$/.test(name)) return "fatalError";
  return null;
}

/** For files named nothing in particular: the kind whose required columns the header has. */
export function kindFromHeader(header: readonly string[]): ReportKind | null {
  const first = header[0]?.trim() ?? "";
  if (first.startsWith("\\\\") && header.length === 6) return "bulkTasks";
  for (const kind of ["scan", "aggregateSummary", "plan", "itemFailure", "item", "summary"] as const) {
    const { columns, missing } = mapHeader(kind, header);
    if (missing.length === 0 && Object.keys(columns).length >= 3) return kind;
  }
  if (header.length === 6 && headerKey(header[0] ?? "") === "filesharepath") return "bulkTasks";
  return null;
}

/** The incremental round a file name carries (ItemReport_R2.csv → 2). */
export function roundFromName(fileName: string): number | null {
  const match = /_r(\d+)(?:_\d+)?\.csv$/i.exec(fileName);
  return match ? Number(match[1]) : null;
}

/** The task a report belongs to, from the folder or zip it came from (TaskReport_<id>, <id>.zip). */
export function taskIdFromPath(path: string): string | null {
  const parts = path.split(/[\\/]/);
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i] as string;
    const folder = /^taskreport_(.+)$/i.exec(part);
    if (folder) return folder[1] as string;
    const zip = /^(.+)\.zip$/i.exec(part);
    if (zip && /^[0-9a-f-]{8,}$/i.test(zip[1] as string)) return zip[1] as string;
  }
  return null;
}
