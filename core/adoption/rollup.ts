import { sql } from "kysely";
import type { Db } from "../store/database";
import { adoptionReportNames } from "./adoptionReports";
import { type AdoptionPeriodKind, platformBits } from "./adoptionTables";
import { periodsOf } from "./calendar";

/**
 * Recomputes the figures of the day, its week and its month from the person
 * days, replacing what was there: a day filled late, or recorded again, puts
 * its periods right. Run it in a transaction.
 */
export async function rollUpAdoption(db: Db, day: string): Promise<void> {
  for (const { period, start, end } of periodsOf(day)) await rollUpPeriod(db, period, start, end);
}

/**
 * One statement per period computes every level at once (GROUPING SETS over
 * council, directorate, service) from each person's use over the period.
 *
 * - A person counts once per period, in the directorate and service of their
 *   latest day in it (someone who moved mid-month is not counted twice).
 * - Only people joined to the directory count, except on days whose names were
 *   concealed: then everyone in the reports counts, and only the council row is
 *   written, marked concealed.
 * - `staff` is the directory now: enabled, not removed, by department and
 *   division; people with no department are in the council only. A group with
 *   staff but no one in the reports gets a row of zeros.
 * - `days_covered` is the days in the period that have any person day, so a
 *   week or month only partly back-filled says so.
 */
async function rollUpPeriod(db: Db, period: AdoptionPeriodKind, start: string, end: string) {
  await db.deleteFrom("adoption_group_period").where("period", "=", period).where("start", "=", start).execute();
  const reports = sql.join(adoptionReportNames.map((r) => sql.lit(r)));
  const { desktop, web, mobile } = platformBits;
  const platformCount = (bits: string) =>
    sql.raw(`((${bits} & ${desktop}) <> 0)::int + ((${bits} & ${web}) <> 0)::int + ((${bits} & ${mobile}) <> 0)::int`);
  await sql`
    insert into adoption_group_period (
      period, start, level, directorate, service, concealed, days_covered, staff, reported,
      teams_active, chatting, meeting, calling, team_chat, private_chat, posts, calls,
      meetings_organised, meetings_attended, teams_desktop, teams_web, teams_mobile, multi_platform,
      emails_sent, email_active, onedrive_active, sharepoint_active, content_active, apps_activated
    )
    with days as (
      select d::date as day,
        coalesce((select bool_or(s.concealed_names) from usage_report_snapshot s
          where s.report_date = d::date and s.report in (${reports})), false) as concealed
      from generate_series(${start}::date, ${end}::date, interval '1 day') d
      where exists (select 1 from adoption_person_day p where p.day = d::date)
    ),
    covered as (select count(*)::integer as days_covered, coalesce(bool_or(concealed), false) as concealed from days),
    per_person as (
      select p.person,
        (array_agg(p.directorate order by p.day desc))[1] as directorate,
        (array_agg(p.service order by p.day desc))[1] as service,
        bool_or(p.teams_active) as teams_active,
        bool_or(p.team_chat + p.private_chat > 0) as chatting,
        bool_or(p.meetings_organised + p.meetings_attended > 0) as meeting,
        bool_or(p.calls > 0) as calling,
        sum(p.team_chat) as team_chat, sum(p.private_chat) as private_chat, sum(p.posts) as posts,
        sum(p.calls) as calls, sum(p.meetings_organised) as meetings_organised,
        sum(p.meetings_attended) as meetings_attended, sum(p.emails_sent) as emails_sent,
        bit_or(p.teams_platforms)::integer as teams_platforms,
        bit_or(p.teams_platforms | p.apps_platforms)::integer as platforms,
        bool_or(p.email_active) as email_active,
        bool_or(p.onedrive_active) as onedrive_active,
        bool_or(p.sharepoint_active) as sharepoint_active,
        bool_or(p.apps_activated) as apps_activated
      from adoption_person_day p join days on days.day = p.day
      where p.day between ${start}::date and ${end}::date and (p.user_id is not null or days.concealed)
      group by p.person
    ),
    activity as (
      select grouping(directorate, service) as g, coalesce(directorate, '') as directorate,
        coalesce(service, '') as service,
        count(*)::integer as reported,
        count(*) filter (where teams_active)::integer as teams_active,
        count(*) filter (where chatting)::integer as chatting,
        count(*) filter (where meeting)::integer as meeting,
        count(*) filter (where calling)::integer as calling,
        sum(team_chat) as team_chat, sum(private_chat) as private_chat, sum(posts) as posts, sum(calls) as calls,
        sum(meetings_organised) as meetings_organised, sum(meetings_attended) as meetings_attended,
        count(*) filter (where teams_platforms & ${sql.lit(desktop)} <> 0)::integer as teams_desktop,
        count(*) filter (where teams_platforms & ${sql.lit(web)} <> 0)::integer as teams_web,
        count(*) filter (where teams_platforms & ${sql.lit(mobile)} <> 0)::integer as teams_mobile,
        count(*) filter (where ${platformCount("platforms")} >= 2)::integer as multi_platform,
        sum(emails_sent) as emails_sent,
        count(*) filter (where email_active)::integer as email_active,
        count(*) filter (where onedrive_active)::integer as onedrive_active,
        count(*) filter (where sharepoint_active)::integer as sharepoint_active,
        count(*) filter (where onedrive_active or sharepoint_active)::integer as content_active,
        count(*) filter (where apps_activated)::integer as apps_activated
      from per_person
      group by grouping sets ((), (directorate), (directorate, service))
      having grouping(directorate, service) = 3
        or (directorate is not null and (grouping(directorate, service) = 1 or service is not null))
    ),
    staff as (
      select grouping(department, division) as g, coalesce(department, '') as directorate,
        coalesce(division, '') as service, count(*)::integer as staff
      from directory_user
      where account_enabled and removed_at is null
      group by grouping sets ((), (department), (department, division))
      having grouping(department, division) = 3
        or (department is not null and (grouping(department, division) = 1 or division is not null))
    )
    select ${period}, ${start}::date,
      case coalesce(a.g, s.g) when 3 then 'council' when 1 then 'directorate' else 'service' end,
      coalesce(a.directorate, s.directorate), coalesce(a.service, s.service),
      covered.concealed, covered.days_covered, coalesce(s.staff, 0),
      coalesce(a.reported, 0), coalesce(a.teams_active, 0), coalesce(a.chatting, 0), coalesce(a.meeting, 0),
      coalesce(a.calling, 0), coalesce(a.team_chat, 0), coalesce(a.private_chat, 0), coalesce(a.posts, 0),
      coalesce(a.calls, 0), coalesce(a.meetings_organised, 0), coalesce(a.meetings_attended, 0),
      coalesce(a.teams_desktop, 0), coalesce(a.teams_web, 0), coalesce(a.teams_mobile, 0),
      coalesce(a.multi_platform, 0), coalesce(a.emails_sent, 0), coalesce(a.email_active, 0),
      coalesce(a.onedrive_active, 0), coalesce(a.sharepoint_active, 0), coalesce(a.content_active, 0),
      coalesce(a.apps_activated, 0)
    from activity a
    full join staff s on a.g = s.g and a.directorate = s.directorate and a.service = s.service
    cross join covered
    where covered.days_covered > 0 and (coalesce(a.g, s.g) = 3 or not covered.concealed)`.execute(db);
}

/**
 * Days since `since` with an adoption report stored after the day was last
 * rolled up (or never rolled up): what a run that stopped part-way left undone.
 */
export async function daysToRollUp(db: Db, since: string): Promise<string[]> {
  const reports = sql.join(adoptionReportNames.map((r) => sql.lit(r)));
  const { rows } = await sql<{ day: string }>`
    select distinct to_char(s.report_date, 'YYYY-MM-DD') as day from usage_report_snapshot s
    left join adoption_group_period g on g.period = 'day' and g.start = s.report_date and g.level = 'council'
    where s.report in (${reports}) and s.report_date >= ${since} and s.row_count > 0
      and (g.start is null or g.computed_at < s.fetched_at)
    order by day`.execute(db);
  return rows.map((r) => r.day);
}
