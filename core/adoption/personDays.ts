import { sql } from "kysely";
import type { Db } from "../store/database";
import { inChunks } from "../store/inChunks";
import type { UsageReportDay } from "../usage/usageSnapshot";
import { type AdoptionReport, adoptionReports, type PersonDayColumn, teamsActiveBits } from "./adoptionReports";

export type RecordedReport = { joined: number; unmatched: number; concealed: boolean };

const booleanColumns = new Set<PersonDayColumn>([
  "teams_active",
  "apps_activated",
  "email_active",
  "onedrive_active",
  "sharepoint_active",
]);

/** Rows per statement: each chunk travels as one JSON parameter, so this bounds memory, not parameters. */
const rowsPerStatement = 5000;

/**
 * Merges one usage report for one day into `adoption_person_day`: each report
 * sets only its own columns and ORs its bit into `reports`, so the day's
 * reports can arrive in any order and one recorded twice gives the same rows.
 * Call it in the transaction that saves the report day; other reports are a no-op.
 *
 * Rows join to the directory by User Id; a report without User Id joins by
 * UPN (case-insensitive) to someone not removed. A UPN is never trusted when
 * the row has a User Id the directory does not know, when the row is for a
 * deleted account, or when an earlier report that day already found it
 * belonging to someone else: UPNs are recycled, and joining a leaver's use to
 * the newcomer who got their name would be wrong. Concealed names join nobody.
 */
export async function recordAdoptionReport(db: Db, day: UsageReportDay): Promise<RecordedReport> {
  const report = adoptionReports[day.report];
  const recorded = { joined: 0, unmatched: 0, concealed: day.concealedNames };
  if (!report) return recorded;
  await forgetReport(db, day.date, report);

  const rows = identifiedRows(day, report);
  for (const chunk of inChunks(rows, rowsPerStatement)) {
    const counts = await upsertChunk(db, day, report, chunk);
    recorded.joined += counts.joined;
    recorded.unmatched += counts.unmatched;
  }
  return recorded;
}

type IdentifiedRow = { ord: number; uid: string | null; upn: string | null; key: string; deleted: boolean };

/**
 * Each row with who the report says it is. `key` is the report's own name for
 * them, used when they join nobody: the UPN (as sent when concealed, so the
 * day's reports agree on it), else the User Id. A name seen twice in one CSV
 * (a split row) is kept once, as the raw copy is.
 */
function identifiedRows(day: UsageReportDay, report: AdoptionReport) {
  const seen = new Set<string>();
  const rows: (IdentifiedRow & Record<string, unknown>)[] = [];
  day.rows.forEach((row, ord) => {
    const uid = (row["User Id"] ?? "").trim() || null;
    const upn = (row["User Principal Name"] ?? "").trim() || null;
    const key = upn ? (day.concealedNames ? upn : upn.toLowerCase()) : uid;
    if (!key || seen.has(key)) return;
    seen.add(key);
    const deleted = /^true$/i.test(row["Is Deleted"] ?? "");
    rows.push({ ord, uid: day.concealedNames ? null : uid, upn, key, deleted, ...report.figures(row, day.date) });
  });
  return rows;
}

/**
 * Takes back what an earlier copy of this report said for the day, so a copy
 * recorded again replaces it. `teams_active` stays as the other Teams report
 * left it when that one is there too.
 */
async function forgetReport(db: Db, date: string, report: AdoptionReport) {
  const otherTeamsBits = teamsActiveBits & ~report.bit;
  const resets = report.columns.map((column) => {
    if (column === "teams_active") {
      return sql`teams_active = case when reports & ${sql.lit(otherTeamsBits)} <> 0 then teams_active else false end`;
    }
    return sql`${sql.ref(column)} = ${booleanColumns.has(column) ? sql.lit(false) : sql.lit(0)}`;
  });
  await sql`
    update adoption_person_day set ${sql.join(resets)}, reports = reports & ${sql.lit(~report.bit & 0x7fff)}
    where day = ${date} and reports & ${sql.lit(report.bit)} <> 0`.execute(db);
  await sql`delete from adoption_person_day where day = ${date} and reports = 0`.execute(db);
}

async function upsertChunk(db: Db, day: UsageReportDay, report: AdoptionReport, chunk: IdentifiedRow[]) {
  const columns = report.columns.map((c) => sql.ref(c));
  const definitions = report.columns.map(
    (c) => sql`${sql.ref(c)} ${sql.raw(booleanColumns.has(c) ? "boolean" : "integer")}`,
  );
  const updates = report.columns.map((c) =>
    c === "teams_active"
      ? sql`teams_active = adoption_person_day.teams_active or excluded.teams_active`
      : sql`${sql.ref(c)} = excluded.${sql.ref(c)}`,
  );
  const joining = sql.lit(!day.concealedNames);
  const { rows } = await sql<{ joined: number; unmatched: number }>`
    with v as (
      select * from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        as v(ord integer, uid text, upn text, key text, deleted boolean, ${sql.join(definitions)})
    ),
    resolved as (
      select distinct on (person) person, user_id, directorate, service, ${sql.join(columns)}
      from (
        select v.*,
          coalesce(by_id.id, by_upn.id) as user_id,
          coalesce(by_id.department, by_upn.department) as directorate,
          coalesce(by_id.division, by_upn.division) as service,
          coalesce(by_id.id, by_upn.id, 'report:' || v.key) as person
        from v
        left join directory_user by_id on ${joining} and by_id.id = v.uid
        left join adoption_person_day seen
          on seen.day = ${day.date} and seen.person = 'report:' || v.key
        left join directory_user by_upn
          on ${joining} and v.uid is null and not v.deleted and seen.person is null
          and by_upn.removed_at is null and lower(by_upn.user_principal_name) = lower(v.upn)
      ) matched
      order by person, ord
    ),
    saved as (
      insert into adoption_person_day (day, person, user_id, directorate, service, reports, ${sql.join(columns)})
      select ${day.date}::date, person, user_id, directorate, service, ${sql.lit(report.bit)}, ${sql.join(columns)}
      from resolved
      on conflict (day, person) do update set ${sql.join(updates)},
        reports = adoption_person_day.reports | excluded.reports
      returning user_id
    )
    select count(user_id)::integer as joined, (count(*) - count(user_id))::integer as unmatched from saved`.execute(db);
  return rows[0] ?? { joined: 0, unmatched: 0 };
}

/**
 * Days since `since` whose snapshot of an adoption report is stored with rows
 * but none of them reached the person days (stored before adoption existed):
 * the sync fetches them again while Graph still has them.
 */
export async function unrecordedReportDays(
  db: Db,
  report: UsageReportDay["report"],
  since: string,
): Promise<Set<string>> {
  const bit = adoptionReports[report]?.bit;
  if (bit === undefined) return new Set();
  const { rows } = await sql<{ day: string }>`
    select to_char(s.report_date, 'YYYY-MM-DD') as day from usage_report_snapshot s
    where s.report = ${report} and s.report_date >= ${since} and s.row_count > 0
      and not exists (
        select 1 from adoption_person_day p where p.day = s.report_date and p.reports & ${sql.lit(bit)} <> 0
      )`.execute(db);
  return new Set(rows.map((r) => r.day));
}
