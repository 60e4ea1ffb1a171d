import type { CouncilUser } from "../../council/types";
import type { GraphContext } from "../graphTypes";
import type { ReportWindow } from "./reportWindow";
import { type ActivitySummary, summarise } from "./userActivity";

/** What a report's rows are built from. */
export type ReportInput = {
  ctx: GraphContext;
  window: ReportWindow;
  /** A user or owner name as the report shows it: concealed when the tenant hides names. */
  shown: (value: string) => string;
  concealing: boolean;
};

/** A column: its header, exactly as Microsoft's CSV spells it, and how to fill it. */
export type Column<Row> = readonly [header: string, value: (row: Row) => string];

/** One usage report: its header and its rows, in the same column order. */
export type ReportDefinition = { header: readonly string[]; rows(input: ReportInput): string[][] };

/** What a per-person column reads: the person, their summed activity and the report's inputs. */
export type UserRow = { user: CouncilUser; s: ActivitySummary; input: ReportInput };

/** A report with one row per licensed person, in id order; none when the day asked for has not landed. */
export function perUserReport(columns: readonly Column<UserRow>[]): ReportDefinition {
  return {
    header: columns.map(([header]) => header),
    rows: (input) => {
      if (input.window.days.length === 0) return [];
      return [...input.ctx.council.users.values()]
        .filter((u) => u.isLicensed)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((user) => {
          const row = { user, s: summarise(input.ctx, user, input.window), input };
          return columns.map(([, value]) => value(row));
        });
    },
  };
}

/** A report with one row per item that `items` lists. */
export function perItemReport<Item>(
  items: (input: ReportInput) => Item[],
  columns: readonly Column<{ item: Item; input: ReportInput }>[],
): ReportDefinition {
  return {
    header: columns.map(([header]) => header),
    rows: (input) => {
      if (input.window.days.length === 0) return [];
      return items(input).map((item) => columns.map(([, value]) => value({ item, input })));
    },
  };
}

export function n(value: number): string {
  return String(value);
}

export function yesNo(value: boolean): string {
  return value ? "Yes" : "No";
}

/** Seconds as an ISO 8601 duration, e.g. PT1H2M5S; PT0S for none. */
export function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  if (h + m + s === 0) return "PT0S";
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s ? `${s}S` : ""}`;
}
