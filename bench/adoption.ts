import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import type { AdoptionMeasure } from "../core/adoption/adoptionApi";
import { adoptionOverview, adoptionTrend } from "../core/adoption/adoptionView";
import { addDays } from "../core/adoption/calendar";
import { recordAdoptionReport } from "../core/adoption/personDays";
import { personDaysKept } from "../core/adoption/retention";
import { rollUpAdoption } from "../core/adoption/rollup";
import { setTarget, targetProgress } from "../core/adoption/targets";
import type { Db } from "../core/store/database";
import { migrateToLatest } from "../core/store/migrate";
import { openStore } from "../core/store/openStore";
import type { UsageReportDay, UsageReportName } from "../core/usage/usageSnapshot";
import { activityFor, type Council, type CouncilUser, generateCouncil } from "../graph/devtenant/council";
import { dateOf, dayNumber, monthAndDayOf } from "../graph/devtenant/council/dates";
import { activityReports } from "../graph/devtenant/graphApi/reports/activityReports";
import { reportWindow } from "../graph/devtenant/graphApi/reports/reportWindow";
import { writeBenchmarkSection } from "./benchmarksDoc";
import { type BenchEngine, engineName, throwawayStore } from "./benchStore";

/**
 * The adoption view over three years of a 20,000-staff council: the store
 * holds what three years of daily snapshots leave behind — day, week and month
 * figures for the council, each directorate and each service, and the last
 * `personDaysKept` days of each person's use (older person days are pruned by
 * design). Measures the view's queries at p95 against the 100 ms goal, the
 * stored bytes per staff-year, and how fast a day's reports go in. Each engine
 * runs in a process of its own; PostgreSQL (BENCH_DATABASE_URL, default the
 * local test server) is skipped with a message when it does not answer.
 * Results go to docs/benchmarks.md unless --dry-run.
 */
const { values } = parseArgs({
  options: {
    staff: { type: "string", default: "20000" },
    years: { type: "string", default: "3" },
    runs: { type: "string", default: "60" },
    /** The newest days go in through the real ingest (recordAdoptionReport from report rows), timed. */
    "ingest-days": { type: "string", default: "3" },
    engine: { type: "string" },
    child: { type: "string" },
    "dry-run": { type: "boolean", default: false },
  },
});
const staff = Number(values.staff);
const years = Number(values.years);
const runs = Number(values.runs);
const ingestDays = Number(values["ingest-days"]);
const threshold = 10;
const seed = 1;

type Timing = { name: string; p50: number; p95: number };
/** One indexed row through the same store and Kysely: what any query costs before its own work. */
const baselineName = "one indexed row (baseline)";
type Result = {
  engine: BenchEngine;
  staff: number;
  licensed: number;
  days: number;
  groupRows: number;
  personDayRows: number;
  historySeconds: number;
  bulkRowsPerSecond: number;
  ingest: { reportRows: number; recordSeconds: number; rollUpSeconds: number };
  rollUpSecondsPerDay: number;
  bytes: { groups: number; personDays: number; personDayIndexes: number; other: number };
  timings: Timing[];
};

const progress = (message: string) => process.stderr.write(`${message}\n`);

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function report(r: Result): string[] {
  const n = (value: number) => Math.round(value).toLocaleString("en-GB");
  const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  const staffYears = r.staff * (r.days / 365);
  const windowStaffYears = r.staff * (personDaysKept / 365);
  const allBytes = r.bytes.groups + r.bytes.personDays;
  const worst = Math.max(...r.timings.map((t) => t.p95));
  const baseline = r.timings.find((t) => t.name === baselineName)?.p95 ?? Number.NaN;
  return [
    `Run ${new Date().toISOString().slice(0, 10)} on ${process.version}, ${engineName(r.engine)}: ${n(r.staff)} staff (${n(r.licensed)} licensed), ${n(r.days)} days of figures (${n(r.groupRows)} group rows), the last ${personDaysKept} days per person (${n(r.personDayRows)} rows); ${runs} runs of each query after 5 to warm up.`,
    "",
    "| query | median | p95 | p95 ÷ baseline |",
    "|---|---:|---:|---:|",
    ...r.timings.map(
      (t) => `| ${t.name} | ${t.p50.toFixed(1)} ms | ${t.p95.toFixed(1)} ms | ${(t.p95 / baseline).toFixed(1)}× |`,
    ),
    "",
    `Slowest p95: **${worst.toFixed(1)} ms** (goal < 100 ms: ${worst < 100 ? "met" : "**not met**"}).`,
    "",
    "| stored | size | per staff-year |",
    "|---|---:|---:|",
    `| \`adoption_group_period\` (${n(r.days)} days) | ${mib(r.bytes.groups)} | ${n(r.bytes.groups / staffYears)} B |`,
    `| \`adoption_person_day\` (${personDaysKept}-day window) | ${mib(r.bytes.personDays)} | ${n(r.bytes.personDays / windowStaffYears)} B if kept a year; ${n(r.bytes.personDays / r.personDayRows)} B a row, ${n(r.bytes.personDayIndexes / r.personDayRows)} B of it indexes |`,
    `| both, as three years of running leave them | ${mib(allBytes)} | **${n(allBytes / staffYears)} B** |`,
    `| targets, champions, tips (other adoption tables) | ${mib(r.bytes.other)} | |`,
    "",
    `Ingest: a day's five adoption reports (${n(r.ingest.reportRows)} rows) through \`recordAdoptionReport\` in ${r.ingest.recordSeconds.toFixed(1)} s (${n(r.ingest.reportRows / r.ingest.recordSeconds)} rows/s), then \`rollUpAdoption\` in ${r.ingest.rollUpSeconds.toFixed(1)} s (means over ${ingestDays} days). Filling the window: person days by batched insert at ${n(r.bulkRowsPerSecond)} rows/s, rolled up at ${r.rollUpSecondsPerDay.toFixed(2)} s a day. The ${n(r.days - personDaysKept)} older days' group rows were computed from the same activity model in ${r.historySeconds.toFixed(0)} s and inserted directly.`,
  ];
}

// ---------------------------------------------------------------- the child: one engine

async function measure(engine: BenchEngine): Promise<Result> {
  const council = generateCouncil({ seed, staff, devices: 0 });
  const users = [...council.users.values()];
  const licensed = users.filter((u) => u.isLicensed);
  // The newest day Graph has landed, as the daily sync would have it.
  const lastDay = addDays(council.today, -2);
  const days = Math.round(years * 365);
  const firstDay = addDays(lastDay, -(days - 1));
  const windowStart = addDays(lastDay, -(personDaysKept - 1));
  const ingestStart = addDays(lastDay, -(ingestDays - 1));

  const throwaway = await throwawayStore(engine);
  const store = await openStore(throwaway.config);
  try {
    await migrateToLatest(store.db);
    const db = store.db;
    await insertDirectory(db, users);

    progress(`history ${firstDay} to ${addDays(windowStart, -1)} from the activity model`);
    const historyStarted = performance.now();
    const history = modelGroupRows(council, licensed, users, firstDay, windowStart, lastDay);
    await insertJson(db, "adoption_group_period", history.rows);
    const historySeconds = (performance.now() - historyStarted) / 1000;

    progress(`person days ${windowStart} to ${addDays(ingestStart, -1)} by batched insert`);
    let bulkRows = 0;
    const bulkStarted = performance.now();
    for (let day = windowStart; day < ingestStart; day = addDays(day, 1)) {
      bulkRows += await insertJson(db, "adoption_person_day", personDays(council, licensed, day));
    }
    const bulkSeconds = (performance.now() - bulkStarted) / 1000;

    progress(`rolling up ${windowStart} to ${addDays(ingestStart, -1)}`);
    const rollStarted = performance.now();
    let rolled = 0;
    for (let day = windowStart; day < ingestStart; day = addDays(day, 1)) {
      await db.transaction().execute((tx) => rollUpAdoption(tx, day));
      rolled++;
    }
    const rollUpSecondsPerDay = (performance.now() - rollStarted) / 1000 / Math.max(1, rolled);

    progress(`ingesting ${ingestStart} to ${lastDay} through recordAdoptionReport`);
    const ingest = { reportRows: 0, recordSeconds: 0, rollUpSeconds: 0 };
    for (let day = ingestStart; day <= lastDay; day = addDays(day, 1)) {
      const reports = reportDays(council, day);
      const recordStarted = performance.now();
      for (const reportDay of reports) {
        await db.transaction().execute((tx) => recordAdoptionReport(tx, reportDay));
        ingest.reportRows += reportDay.rows.length;
      }
      const rollStartedAt = performance.now();
      await db.transaction().execute((tx) => rollUpAdoption(tx, day));
      ingest.rollUpSeconds += (performance.now() - rollStartedAt) / 1000;
      ingest.recordSeconds += (rollStartedAt - recordStarted) / 1000;
    }
    ingest.reportRows /= ingestDays;
    ingest.recordSeconds /= ingestDays;
    ingest.rollUpSeconds /= ingestDays;

    // The week and month that straddle the window's first day were computed in full while their days were
    // kept; the roll-up above saw only the days still kept, so put back the full figures.
    for (const row of history.straddling) {
      await db
        .deleteFrom("adoption_group_period")
        .where("period", "=", row.period)
        .where("start", "=", row.start)
        .execute();
    }
    await insertJson(db, "adoption_group_period", history.straddling);

    const directorates = council.directorates.map((d) => d.name);
    const measures: AdoptionMeasure[] = ["teamsActive", "communication", "mobility", "overall"];
    for (const [index, directorate] of directorates.entries()) {
      const measure = measures[index % measures.length] as AdoptionMeasure;
      await setTarget(
        db,
        { directorate, measure, targetPercent: 90, due: addDays(council.today, 180) },
        "bench",
        council.today,
      );
    }
    // PostgreSQL's autovacuum would have analysed the tables by now; PGlite has none and the app runs none.
    if (engine === "postgres") await sql`analyze`.execute(db);

    const bytes = await storedBytes(db);
    const counts = await sql<{ groups: string; persons: string }>`
      select (select count(*) from adoption_group_period) as groups,
             (select count(*) from adoption_person_day) as persons`.execute(db);

    progress("timing the view's queries");
    const lagging =
      council.directorates.find((d) => d.id === "dir-environment")?.name ?? (directorates.at(-1) as string);
    const on = council.today;
    const queries: [string, () => Promise<unknown>][] = [
      [
        baselineName,
        () =>
          db
            .selectFrom("adoption_group_period")
            .select("staff")
            .where("period", "=", "month")
            .where("level", "=", "council")
            .limit(1)
            .execute(),
      ],
      ["`adoptionOverview` week (newest)", () => adoptionOverview(db, { period: "week", threshold, today: on })],
      ["`adoptionOverview` month (newest)", () => adoptionOverview(db, { period: "month", threshold, today: on })],
      [
        "`adoptionOverview` month, a year back",
        () =>
          adoptionOverview(db, { period: "month", start: `${addDays(on, -365).slice(0, 8)}01`, threshold, today: on }),
      ],
      [
        "`adoptionTrend` week, Teams active, council",
        () => adoptionTrend(db, { period: "week", measure: "teamsActive", directorate: null, threshold }),
      ],
      [
        "`adoptionTrend` week, communication, council",
        () => adoptionTrend(db, { period: "week", measure: "communication", directorate: null, threshold }),
      ],
      [
        "`adoptionTrend` month, overall, council",
        () => adoptionTrend(db, { period: "month", measure: "overall", directorate: null, threshold }),
      ],
      [
        `\`adoptionTrend\` week, mobility, ${lagging}`,
        () => adoptionTrend(db, { period: "week", measure: "mobility", directorate: lagging, threshold }),
      ],
      [
        `\`adoptionTrend\` month, content collaboration, ${lagging}`,
        () => adoptionTrend(db, { period: "month", measure: "contentCollaboration", directorate: lagging, threshold }),
      ],
      [`\`targetProgress\` (${directorates.length} targets)`, () => targetProgress(db, threshold, on)],
    ];
    const timings: Timing[] = [];
    for (const [name, query] of queries) timings.push(await timeQuery(name, query));

    return {
      engine,
      staff,
      licensed: licensed.length,
      days,
      groupRows: Number(counts.rows[0]?.groups ?? 0),
      personDayRows: Number(counts.rows[0]?.persons ?? 0),
      historySeconds,
      bulkRowsPerSecond: bulkRows / bulkSeconds,
      ingest,
      rollUpSecondsPerDay,
      bytes,
      timings,
    };
  } finally {
    await store.close();
    await throwaway.drop();
  }
}

async function timeQuery(name: string, query: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 5; i++) await query();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await query();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))] as number;
  progress(`${name}: p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`);
  return { name, p50: at(0.5), p95: at(0.95) };
}

async function storedBytes(db: Db) {
  const { rows } = await sql<{ groups: string; persons: string; person_indexes: string; other: string }>`
    select pg_total_relation_size('adoption_group_period') as groups,
           pg_total_relation_size('adoption_person_day') as persons,
           pg_indexes_size('adoption_person_day') as person_indexes,
           pg_total_relation_size('adoption_target') + pg_total_relation_size('adoption_champion')
             + pg_total_relation_size('adoption_tip_campaign') + pg_total_relation_size('adoption_tip_recipient')
             + pg_total_relation_size('adoption_tip_opt_out') as other`.execute(db);
  const row = rows[0];
  return {
    groups: Number(row?.groups ?? 0),
    personDays: Number(row?.persons ?? 0),
    personDayIndexes: Number(row?.person_indexes ?? 0),
    other: Number(row?.other ?? 0),
  };
}

/** Rows as one JSON parameter per 5,000, as the app's own bulk writes do: @returns the rows inserted. */
async function insertJson(db: Db, table: string, rows: readonly object[]): Promise<number> {
  for (let start = 0; start < rows.length; start += 5000) {
    const chunk = JSON.stringify(rows.slice(start, start + 5000));
    await sql`insert into ${sql.table(table)}
      select * from json_populate_recordset(null::${sql.table(table)}, ${chunk}::json)`.execute(db);
  }
  return rows.length;
}

/** The directory as the users sync leaves it: everyone, with directorate (department) and service (division). */
async function insertDirectory(db: Db, users: readonly CouncilUser[]) {
  const syncedAt = new Date().toISOString();
  await insertJson(
    db,
    "directory_user",
    users.map((u) => ({
      id: u.id,
      user_principal_name: u.userPrincipalName,
      display_name: u.displayName,
      given_name: u.givenName,
      surname: u.surname,
      mail: u.mail,
      job_title: u.jobTitle,
      department: u.department,
      division: u.serviceName,
      office_location: u.officeLocation,
      employee_id: u.employeeId,
      account_enabled: u.accountEnabled,
      manager_id: u.managerId,
      manager_synced_at: syncedAt,
      synced_at: syncedAt,
      removed_at: null,
    })),
  );
}

const bit = { desktop: 1, web: 2, mobile: 4 };

/** What the day's five reports say of each licensed person, in adoption_person_day's columns (see adoptionReports.ts). */
function personDays(council: Council, licensed: readonly CouncilUser[], day: string) {
  return licensed.map((u) => {
    const a = activityFor(council, u, day);
    const teamsPlatforms =
      (a.teamsOn.windows || a.teamsOn.mac ? bit.desktop : 0) |
      (a.teamsOn.web ? bit.web : 0) |
      (a.teamsOn.ios || a.teamsOn.android ? bit.mobile : 0);
    return {
      day,
      person: u.id,
      user_id: u.id,
      directorate: u.department,
      service: u.serviceName,
      reports: 31,
      teams_active: a.apps.teams || teamsPlatforms !== 0,
      team_chat: a.teamChatMessages,
      private_chat: a.privateChatMessages,
      posts: a.postMessages + a.replyMessages,
      calls: a.calls,
      meetings_organised: a.meetingsOrganized,
      meetings_attended: a.meetingsAttended,
      teams_platforms: teamsPlatforms,
      apps_platforms:
        (a.appsOn.windows || a.appsOn.mac ? bit.desktop : 0) |
        (a.appsOn.web ? bit.web : 0) |
        (a.appsOn.mobile ? bit.mobile : 0),
      apps_activated: true,
      emails_sent: a.emailsSent,
      email_active: a.emailsSent + a.emailsRead > 0,
      onedrive_active: a.oneDriveFilesViewedOrEdited > 0,
      sharepoint_active: a.sharePointFilesViewedOrEdited > 0,
    };
  });
}

/** The day's five adoption reports as the dev tenant serves them for `date=`, parsed as the sync parses a CSV. */
function reportDays(council: Council, date: string): UsageReportDay[] {
  const ctx = { council, baseUrl: "https://localhost", activityFor, now: () => new Date() };
  return Object.entries(activityReports).map(([name, definition]) => {
    const window = reportWindow({ name, argument: { date } }, council.today);
    const rows = definition.rows({ ctx, window, shown: (value) => value, concealing: false });
    return {
      report: name as UsageReportName,
      date,
      refreshDate: date,
      concealedNames: false,
      rows: rows.map((row) => Object.fromEntries(definition.header.map((header, i) => [header, row[i] ?? ""]))),
    };
  });
}

// ---------------------------------------------------------------- older history from the activity model

/** An adoption_group_period row as JSON for json_populate_recordset. */
type GroupRow = { period: "day" | "week" | "month"; start: string } & Record<string, unknown>;

const flag = {
  reported: 1,
  teams: 2,
  chatting: 4,
  meeting: 8,
  calling: 16,
  desktop: 32,
  web: 64,
  mobile: 128,
  email: 256,
  oneDrive: 512,
  sharePoint: 1024,
  content: 2048,
  apps: 4096,
  multi: 8192,
} as const;
const flagNames = Object.keys(flag) as (keyof typeof flag)[];
const sumNames = [
  "team_chat",
  "private_chat",
  "posts",
  "calls",
  "meetings_organised",
  "meetings_attended",
  "emails_sent",
] as const;

/**
 * Day, week and month rows for every group from `from` up to the day before
 * `windowStart`, computed as rollUpAdoption computes them from person days
 * (distinct people per period, platforms over the period, staff from the
 * directory now), but straight from the activity model: three years of person
 * days would be 22 million rows that the real store never holds at once.
 * Also the week and month that straddle `windowStart`, in full (through `lastDay`).
 */
function modelGroupRows(
  council: Council,
  licensed: readonly CouncilUser[],
  everyone: readonly CouncilUser[],
  from: string,
  windowStart: string,
  lastDay: string,
) {
  const groups: { level: "council" | "directorate" | "service"; directorate: string; service: string }[] = [
    { level: "council", directorate: "", service: "" },
  ];
  const index = new Map<string, number>();
  const groupOf = (level: "directorate" | "service", directorate: string, service: string) => {
    const key = `${level}\u0000${directorate}\u0000${service}`;
    let at = index.get(key);
    if (at === undefined) {
      at = groups.length;
      groups.push({ level, directorate, service });
      index.set(key, at);
    }
    return at;
  };
  const memberOf = (u: CouncilUser) => [
    0,
    groupOf("directorate", u.department, ""),
    groupOf("service", u.department, u.serviceName),
  ];
  const licensedGroups = licensed.map(memberOf);
  const staffCount = new Map<number, number>();
  for (const u of everyone) {
    if (!u.accountEnabled) continue;
    for (const g of memberOf(u)) staffCount.set(g, (staffCount.get(g) ?? 0) + 1);
  }

  const people = licensed.length;
  const width = flagNames.length;
  const computedAt = new Date().toISOString();
  type Period = {
    kind: "day" | "week" | "month";
    start: string;
    days: number;
    flags: Uint16Array;
    platforms: Uint8Array;
    sums: Float64Array;
  };
  const open = (kind: Period["kind"], start: string): Period => ({
    kind,
    start,
    days: 0,
    flags: new Uint16Array(people),
    platforms: new Uint8Array(people),
    sums: new Float64Array(groups.length * sumNames.length),
  });
  const close = (period: Period): GroupRow[] => {
    const counts = new Int32Array(groups.length * width);
    for (let p = 0; p < people; p++) {
      let flags = period.flags[p] as number;
      if (flags === 0) continue;
      const platforms = period.platforms[p] as number;
      if ((platforms & 1) + ((platforms >> 1) & 1) + ((platforms >> 2) & 1) >= 2) flags |= flag.multi;
      for (const g of licensedGroups[p] as number[]) {
        for (let f = 0; f < width; f++) if (flags & (1 << f)) counts[g * width + f] = (counts[g * width + f] ?? 0) + 1;
      }
    }
    return groups.map((group, g) => {
      const count = (name: keyof typeof flag) => counts[g * width + flagNames.indexOf(name)] as number;
      const sum = (name: (typeof sumNames)[number]) =>
        period.sums[g * sumNames.length + sumNames.indexOf(name)] as number;
      return {
        period: period.kind,
        start: period.start,
        ...group,
        concealed: false,
        days_covered: period.days,
        staff: staffCount.get(g) ?? 0,
        reported: count("reported"),
        teams_active: count("teams"),
        chatting: count("chatting"),
        meeting: count("meeting"),
        calling: count("calling"),
        team_chat: sum("team_chat"),
        private_chat: sum("private_chat"),
        posts: sum("posts"),
        calls: sum("calls"),
        meetings_organised: sum("meetings_organised"),
        meetings_attended: sum("meetings_attended"),
        teams_desktop: count("desktop"),
        teams_web: count("web"),
        teams_mobile: count("mobile"),
        multi_platform: count("multi"),
        emails_sent: sum("emails_sent"),
        email_active: count("email"),
        onedrive_active: count("oneDrive"),
        sharepoint_active: count("sharePoint"),
        content_active: count("content"),
        apps_activated: count("apps"),
        computed_at: computedAt,
      };
    });
  };

  const rows: GroupRow[] = [];
  const straddling: GroupRow[] = [];
  const windowDay = dayNumber(windowStart);
  const first = dayNumber(from);
  // Run on to the end of the week and month the window starts in, so that those two are complete.
  const [, windowDayOfMonth] = monthAndDayOf(windowDay);
  const monthEnd = dayNumber(addDays(`${dateOf(windowDay + 40 - windowDayOfMonth).slice(0, 8)}01`, -1));
  const weekEnd = windowDay + (6 - ((windowDay + 3) % 7));
  const last = Math.min(dayNumber(lastDay), Math.max(monthEnd, weekEnd));
  let week: Period | undefined;
  let month: Period | undefined;
  const daySums = new Float64Array(groups.length * sumNames.length);
  const endOf = (period: Period) => {
    const start = dayNumber(period.start);
    if (period.kind === "day") return start;
    if (period.kind === "week") return start + 6;
    return dayNumber(addDays(`${dateOf(start + 40).slice(0, 8)}01`, -1));
  };
  const finish = (period: Period) => {
    if (dayNumber(period.start) >= windowDay || period.start < from) return;
    (endOf(period) >= windowDay ? straddling : rows).push(...close(period));
  };
  for (let d = first; d <= last; d++) {
    const date = dateOf(d);
    const weekStart = dateOf(d - ((d + 3) % 7));
    const monthStart = `${date.slice(0, 8)}01`;
    if (week && week.start !== weekStart) {
      finish(week);
      week = undefined;
    }
    if (month && month.start !== monthStart) {
      finish(month);
      month = undefined;
    }
    // A week or month that began before the three years is left out, as pruning would have dropped it.
    week ??= open("week", weekStart);
    month ??= open("month", monthStart);
    const today = d < windowDay ? open("day", date) : undefined;
    const periods = today ? [today, week, month] : [week, month];
    for (const period of periods) period.days++;
    daySums.fill(0);
    for (let p = 0; p < people; p++) {
      const a = activityFor(council, licensed[p] as CouncilUser, date);
      const teamsPlatforms =
        (a.teamsOn.windows || a.teamsOn.mac ? bit.desktop : 0) |
        (a.teamsOn.web ? bit.web : 0) |
        (a.teamsOn.ios || a.teamsOn.android ? bit.mobile : 0);
      const platforms =
        teamsPlatforms |
        (a.appsOn.windows || a.appsOn.mac ? bit.desktop : 0) |
        (a.appsOn.web ? bit.web : 0) |
        (a.appsOn.mobile ? bit.mobile : 0);
      const oneDrive = a.oneDriveFilesViewedOrEdited > 0;
      const sharePoint = a.sharePointFilesViewedOrEdited > 0;
      const flags =
        flag.reported |
        flag.apps |
        (a.apps.teams || teamsPlatforms !== 0 ? flag.teams : 0) |
        (a.teamChatMessages + a.privateChatMessages > 0 ? flag.chatting : 0) |
        (a.meetingsOrganized + a.meetingsAttended > 0 ? flag.meeting : 0) |
        (a.calls > 0 ? flag.calling : 0) |
        (teamsPlatforms & bit.desktop ? flag.desktop : 0) |
        (teamsPlatforms & bit.web ? flag.web : 0) |
        (teamsPlatforms & bit.mobile ? flag.mobile : 0) |
        (a.emailsSent + a.emailsRead > 0 ? flag.email : 0) |
        (oneDrive ? flag.oneDrive : 0) |
        (sharePoint ? flag.sharePoint : 0) |
        (oneDrive || sharePoint ? flag.content : 0);
      for (const period of periods) {
        period.flags[p] = (period.flags[p] as number) | flags;
        period.platforms[p] = (period.platforms[p] as number) | platforms;
      }
      // In sumNames' order.
      const sums = [
        a.teamChatMessages,
        a.privateChatMessages,
        a.postMessages + a.replyMessages,
        a.calls,
        a.meetingsOrganized,
        a.meetingsAttended,
        a.emailsSent,
      ];
      for (const g of licensedGroups[p] as number[]) {
        for (let s = 0; s < sums.length; s++) {
          const at = g * sumNames.length + s;
          daySums[at] = (daySums[at] ?? 0) + (sums[s] ?? 0);
        }
      }
    }
    for (const period of periods) {
      for (let at = 0; at < daySums.length; at++) period.sums[at] = (period.sums[at] ?? 0) + (daySums[at] ?? 0);
    }
    if (today) finish(today);
  }
  if (week) finish(week);
  if (month) finish(month);
  return { rows, straddling };
}

/** Runs last: the constants above must be initialised before any of it runs. */
async function main() {
  if (values.child) {
    const result = await measure(values.child === "postgres" ? "postgres" : "pglite");
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  }

  const engines: BenchEngine[] =
    values.engine === "postgres" ? ["postgres"] : values.engine === "pglite" ? ["pglite"] : ["pglite", "postgres"];
  for (const engine of engines) {
    if (engine === "postgres" && !(await postgresAnswers())) {
      progress("PostgreSQL does not answer at BENCH_DATABASE_URL (default 127.0.0.1:5432/test): skipped.");
      continue;
    }
    progress(`== adoption on ${engineName(engine)}`);
    const child = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        import.meta.filename,
        "--child",
        engine,
        "--staff",
        String(staff),
        "--years",
        String(years),
        "--runs",
        String(runs),
        "--ingest-days",
        String(ingestDays),
      ],
      { encoding: "utf8", maxBuffer: 1 << 22, stdio: ["ignore", "pipe", "inherit"] },
    );
    if (child.status !== 0) throw new Error(`the ${engine} benchmark failed (exit ${child.status})`);
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1) as string) as Result;
    const lines = report(result);
    process.stdout.write(`${lines.join("\n")}\n`);
    if (!values["dry-run"]) writeBenchmarkSection(`adoption-${engine}`, lines);
  }
}

await main();
