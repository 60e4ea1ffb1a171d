import { sql } from "kysely";
import { hiddenGroups, type SizedGroup } from "../privacy/smallGroups";
import type { Db } from "../store/database";
import type { PeriodKind } from "./adoptionApi";
import { type AdoptionLevel, groupFigureColumns } from "./adoptionTables";
import type { FigureColumns } from "./figures";

/** A group's figures for one period as read for the views: `start` as YYYY-MM-DD. */
export type PeriodRow = FigureColumns & { level: AdoptionLevel; directorate: string; service: string };

/** What the privacy rule needs of a row: which group it is, and its staff. */
export type GroupRow = Pick<
  PeriodRow,
  "start" | "level" | "directorate" | "service" | "concealed" | "days_covered" | "staff"
>;

/** A row read with only some figure columns (see narrowRowsByStart). */
export type NarrowRow = GroupRow & Partial<PeriodRow>;

/**
 * The group rows of one kind of period, every figure column with `start` as
 * text. Callers narrow by `start` and `level`; the primary key begins with
 * (period, start), so each read is an index range.
 */
export const periodRows = (db: Db, period: PeriodKind) =>
  db
    .selectFrom("adoption_group_period")
    .select([
      sql<string>`to_char(start, 'YYYY-MM-DD')`.as("start"),
      "level",
      "directorate",
      "service",
      "concealed",
      "days_covered",
      ...groupFigureColumns,
    ])
    .where("period", "=", period);

const noFigures: Omit<PeriodRow, keyof GroupRow> = {
  reported: 0,
  teams_active: 0,
  chatting: 0,
  meeting: 0,
  calling: 0,
  team_chat: "0",
  private_chat: "0",
  posts: "0",
  calls: "0",
  meetings_organised: "0",
  meetings_attended: "0",
  teams_desktop: 0,
  teams_web: 0,
  teams_mobile: 0,
  multi_platform: 0,
  emails_sent: "0",
  email_active: 0,
  onedrive_active: 0,
  sharepoint_active: 0,
  content_active: 0,
  apps_activated: 0,
};

/**
 * Some columns of the council's and directorates' rows for every period of a
 * kind, oldest first: what a trend of one measure needs. Each period's rows
 * come back as one JSON text, because turning thousands of rows into objects
 * costs PGlite far more than the query; the periods are found from the
 * council's rows so that the read stays on the primary key (no day rows). The
 * rows carry only the columns read: fill them with withNoOtherFigures before
 * working out figures.
 */
export async function narrowRowsByStart(
  db: Db,
  period: PeriodKind,
  levels: readonly ("council" | "directorate")[],
  columns: readonly (keyof PeriodRow)[],
): Promise<[string, NarrowRow[]][]> {
  const wanted = [
    ...new Set<string>(["level", "directorate", "service", "concealed", "days_covered", "staff", ...columns]),
  ];
  const pairs = wanted.flatMap((c) => [sql.lit(c), sql.ref(`g.${c}`)]);
  // Columns, period and levels all come from closed lists in this module's callers, never from a request.
  const grouped = await sql<{ start: string; rows: string }>`
    select to_char(g.start, 'YYYY-MM-DD') as start, json_agg(json_build_object(${sql.join(pairs)}))::text as rows
    from adoption_group_period c
    join adoption_group_period g
      on g.period = c.period and g.start = c.start and g.level in (${sql.join(levels.map((l) => sql.lit(l)))})
    where c.period = ${sql.lit(period)} and c.level = 'council'
    group by g.start
    order by g.start`
    .execute(db)
    .then((result) => result.rows);
  return grouped.map((g) => [
    g.start,
    (JSON.parse(g.rows) as Omit<NarrowRow, "start">[]).map((r) => Object.assign(r, { start: g.start })),
  ]);
}

/** A narrow row with the figure columns it was not read with as 0: enough for the measures it was read for. */
export const withNoOtherFigures = (row: NarrowRow): PeriodRow => ({ ...noFigures, ...row });

/** One period's groups with the privacy rule applied. */
export type VisibleGroups<R extends GroupRow = PeriodRow> = {
  council: R | undefined;
  councilHidden: boolean;
  concealed: boolean;
  directorates: {
    row: R;
    hidden: boolean;
    services: { row: R; hidden: boolean }[];
  }[];
};

const byName = (a: string, b: string) => a.localeCompare(b, "en-GB");

/**
 * Sorts one period's rows into council, directorates and services, and marks
 * which are hidden (core/privacy/smallGroups.ts). When names were concealed
 * there are no directorates to show. People with no directorate or service
 * ("" in those columns) are no group of their own: they are the remainder.
 */
export function visibleGroups<R extends GroupRow>(rows: readonly R[], threshold: number): VisibleGroups<R> {
  const council = rows.find((r) => r.level === "council");
  const concealed = rows.some((r) => r.concealed);
  if (concealed) return { council, councilHidden: (council?.staff ?? 0) < threshold, concealed, directorates: [] };
  const directorateRows = rows
    .filter((r) => r.level === "directorate" && r.directorate !== "")
    .sort((a, b) => byName(a.directorate, b.directorate));
  const servicesOf = (directorate: string) =>
    rows
      .filter((r) => r.level === "service" && r.directorate === directorate && r.service !== "")
      .sort((a, b) => byName(a.service, b.service));
  const tree = directorateRows.map((row) => ({ row, services: servicesOf(row.directorate) }));
  const root: SizedGroup = {
    id: "council",
    size: council?.staff ?? directorateRows.reduce((sum, r) => sum + r.staff, 0),
    children: tree.map(({ row, services }) => ({
      id: directorateId(row.directorate),
      size: row.staff,
      children: services.map((s) => ({ id: serviceId(row.directorate, s.service), size: s.staff })),
    })),
  };
  const hidden = hiddenGroups(root, threshold);
  return {
    council,
    councilHidden: hidden.has("council"),
    concealed,
    directorates: tree.map(({ row, services }) => ({
      row,
      hidden: hidden.has(directorateId(row.directorate)),
      services: services.map((s) => ({ row: s, hidden: hidden.has(serviceId(row.directorate, s.service)) })),
    })),
  };
}

// A NUL cannot be in a directory name, so these ids never collide.
const directorateId = (directorate: string) => `d\u0000${directorate}`;
const serviceId = (directorate: string, service: string) => `s\u0000${directorate}\u0000${service}`;

/** Rows grouped by their period's start, oldest first. */
export function byStart(rows: readonly PeriodRow[]): [string, PeriodRow[]][] {
  const groups = new Map<string, PeriodRow[]>();
  for (const row of rows) {
    const group = groups.get(row.start);
    if (group) group.push(row);
    else groups.set(row.start, [row]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
