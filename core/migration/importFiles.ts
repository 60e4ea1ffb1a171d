import { createReadStream, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { Readable } from "node:stream";
import { isAppError } from "../errors";
import type { Db } from "../store/database";
import { type ImportOutcome, importReport } from "./importReport";
import type { ReportKind } from "./reportFormats";
import { forEachZipEntry } from "./zipEntries";

/** What became of one file: imported, unchanged (seen before) or refused with the reason. */
export type FileOutcome = ImportOutcome | { fileName: string; result: "refused"; message: string };

/** Plans and scans first, so that reports read after them find their sources at once. */
const order = (name: string) => {
  const n = basename(name).toLowerCase();
  if (/plan|bulk/.test(n)) return 0;
  if (/scan/.test(n)) return 1;
  if (/summary/.test(n)) return 2;
  return 3;
};

/**
 * Imports one file, or each CSV inside a zip (a Migration Manager task
 * download), each in its own transaction. A refused file is reported and the
 * others go on.
 */
export async function importStream(
  db: Db,
  fileName: string,
  input: Readable,
  kind?: ReportKind,
): Promise<FileOutcome[]> {
  if (!/\.zip$/i.test(fileName)) return [await importOne(db, fileName, input, kind)];
  const outcomes: FileOutcome[] = [];
  await forEachZipEntry(input, async (entry, contents) => {
    if (!/\.csv$/i.test(entry)) return;
    outcomes.push(await importOne(db, `${fileName}/${entry}`, contents));
  });
  return outcomes;
}

async function importOne(db: Db, fileName: string, input: Readable, kind?: ReportKind): Promise<FileOutcome> {
  try {
    return await importReport(db, { fileName, input, ...(kind ? { kind } : {}) });
  } catch (error) {
    if (!isAppError(error, "invalid_input")) throw error;
    return { fileName, result: "refused", message: error.message };
  }
}

/** The CSV and zip files named, folders searched through, in the order they are best imported. */
export function reportFilesIn(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      const inside = readdirSync(path, { recursive: true, encoding: "utf8" })
        .map((name) => join(path, name))
        .filter((name) => /\.(csv|zip)$/i.test(name) && statSync(name).isFile())
        .sort();
      files.push(...inside);
    } else files.push(path);
  }
  return files.sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Imports files, folders and zips from disk (the CLI on its own, tests and the benchmark). */
export async function importPaths(db: Db, paths: readonly string[]): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of reportFilesIn(paths)) {
    outcomes.push(...(await importStream(db, file, createReadStream(file, { highWaterMark: 1 << 20 }))));
  }
  return outcomes;
}
