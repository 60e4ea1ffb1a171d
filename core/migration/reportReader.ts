import type { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { AppError } from "../errors";
import { t } from "../messages/catalogue";
import { kindFromHeader, kindFromName, mapHeader, type ReportKind } from "./reportFormats";

/** One data row: its line in the file and its cells. */
export type ReportRow = { line: number; cells: string[] };

/** A report being read: its kind, where each field is, and its rows as they stream in. */
export type OpenReport = {
  kind: ReportKind;
  /** Column index of each field the header has. */
  columns: Record<string, number>;
  header: string[];
  rows: AsyncIterable<ReportRow>;
};

/** Refuses a file, naming it, the line and (when known) the column. */
export function malformed(file: string, line: number, column: number | null, problem: string): AppError {
  return new AppError(
    "invalid_input",
    column === null
      ? t("migration.import.malformedLine", { file, line, problem })
      : t("migration.import.malformed", { file, line, column, problem }),
  );
}

function fromCsvError(file: string, error: CsvError): AppError {
  const detail = error as CsvError & { lines?: number; column?: number | string; record?: unknown[] };
  const line = detail.lines ?? 0;
  if (error.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH") {
    const got = Array.isArray(detail.record) ? detail.record.length : 0;
    return malformed(file, line, got + 1, t("migration.import.fieldCount", { got }));
  }
  if (error.code === "CSV_QUOTE_NOT_CLOSED") return malformed(file, line, null, t("migration.import.quoteNotClosed"));
  const column = typeof detail.column === "number" ? detail.column + 1 : null;
  return malformed(file, line, column, error.message);
}

/**
 * Opens a report for streaming: reads the header, decides the kind (from the
 * file name, else from the header) and checks the required columns. Rows are
 * parsed as they are read, never the whole file at once.
 * @throws AppError invalid_input naming the file, line and column of a malformed
 *   CSV, or the columns a known report lacks.
 */
export async function openReport(input: Readable, fileName: string, kindHint?: ReportKind): Promise<OpenReport> {
  const parser = input.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: false, trim: false }));
  input.on("error", (error) => parser.destroy(error));
  const iterator = (parser as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  const next = async () => {
    try {
      return await iterator.next();
    } catch (error) {
      if (error instanceof CsvError) throw fromCsvError(fileName, error);
      throw error;
    }
  };
  const first = await next();
  if (first.done) throw malformed(fileName, 1, null, t("migration.import.empty"));
  const header = first.value.map((h) => h.trim());
  const kind = kindHint ?? kindFromName(fileName) ?? kindFromHeader(header);
  if (!kind) throw malformed(fileName, 1, null, t("migration.import.unknownKind"));

  // Migration Manager's bulk task file may have no header: its first row is then a task.
  const headerless = kind === "bulkTasks" && header[0]?.startsWith("\\\\") === true;
  const { columns, missing } = kind === "bulkTasks" ? { columns: {}, missing: [] } : mapHeader(kind, header);
  if (missing.length > 0) {
    throw malformed(fileName, 1, null, t("migration.import.missingColumns", { columns: missing.join(", ") }));
  }
  // Lines are counted by record (asking the parser for each record's line costs a quarter
  // of its speed); the parser's own errors name the exact line.
  let line = 1;
  async function* rows(): AsyncGenerator<ReportRow> {
    if (headerless) yield { line, cells: first.value ?? [] };
    for (;;) {
      const step = await next();
      if (step.done) return;
      line += 1;
      yield { line, cells: step.value };
    }
  }
  return { kind, columns, header, rows: rows() };
}

/** Reads typed values out of a row, refusing bad ones with their line and column. */
export class RowReader {
  constructor(
    readonly fileName: string,
    private readonly report: OpenReport,
  ) {}

  private row: ReportRow = { line: 0, cells: [] };

  at(row: ReportRow): this {
    this.row = row;
    return this;
  }

  get line() {
    return this.row.line;
  }

  /** The trimmed text of a field; "" when the file has no such column. */
  text(field: string): string {
    const index = this.report.columns[field];
    return index === undefined ? "" : (this.row.cells[index] ?? "").trim();
  }

  /** The text or null when empty. */
  optional(field: string): string | null {
    const value = this.text(field);
    return value === "" ? null : value;
  }

  /** A whole number (thousands separators allowed); null when empty. */
  count(field: string): number | null {
    const value = this.text(field).replace(/,/g, "");
    if (value === "") return null;
    if (!/^-?\d+(\.0+)?$/.test(value)) throw this.bad(field, t("migration.import.notANumber", { value }));
    return Number.parseInt(value, 10);
  }

  /** A size: bytes, or a number with a unit (KB, MB, GB, TB; binary multiples as SharePoint counts). */
  size(field: string): number | null {
    const value = this.text(field).replace(/,/g, "");
    if (value === "") return null;
    const match = /^(\d+(?:\.\d+)?)\s*(b|bytes|kb|mb|gb|tb)?$/i.exec(value);
    if (!match) throw this.bad(field, t("migration.import.notASize", { value }));
    const unit = (match[2] ?? "b").toLowerCase();
    const power = { b: 0, bytes: 0, kb: 1, mb: 2, gb: 3, tb: 4 }[unit] ?? 0;
    return Math.round(Number(match[1]) * 1024 ** power);
  }

  /** A time as the tools write it (ISO, or "dd/mm/yyyy hh:mm:ss" as UK Windows does); null when empty. */
  time(field: string): Date | null {
    const value = this.text(field);
    if (value === "") return null;
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
    const date = uk
      ? new Date(Date.UTC(+(uk[3] ?? 0), +(uk[2] ?? 1) - 1, +(uk[1] ?? 1), +(uk[4] ?? 0), +(uk[5] ?? 0), +(uk[6] ?? 0)))
      : new Date(value);
    if (Number.isNaN(date.getTime())) throw this.bad(field, t("migration.import.notATime", { value }));
    return date;
  }

  /** YYYY-MM-DD (or dd/mm/yyyy); null when empty. */
  day(field: string): string | null {
    const date = this.time(field);
    return date ? date.toISOString().slice(0, 10) : null;
  }

  bad(field: string, problem: string): AppError {
    const index = this.report.columns[field];
    return malformed(
      this.fileName,
      this.row.line,
      index === undefined ? null : index + 1,
      `${this.report.header[index ?? -1] ?? field}: ${problem}`,
    );
  }
}
