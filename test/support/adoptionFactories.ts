import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import {
  type AdoptionGroupPeriodTable,
  type AdoptionPeriodKind,
  groupFigureColumns,
} from "../../core/adoption/adoptionTables";
import { addDays } from "../../core/adoption/calendar";
import type { Db } from "../../core/store/database";
import { inChunks } from "../../core/store/inChunks";

/**
 * A generated council's adoption figures, written straight into
 * adoption_group_period as the roll-up would leave them: the views' tests, the
 * tab's browser test and the bench read them. Deterministic for a seed.
 */
export type AdoptionCouncilOptions = {
  /** Members of staff in all (default 400). */
  staff?: number;
  /** Weeks of figures, the last ending on `lastDay` and possibly under way (default 16). */
  weeks?: number;
  /** The newest day with figures (default: yesterday). */
  lastDay?: string;
  /** Directorates (default 5, the named ones; more are generated). */
  directorates?: number;
  /** Services in each generated directorate beyond the named five (default 4). */
  servicesPerDirectorate?: number;
  /** Also write a row per group per day (default false: the views never read them). */
  days?: boolean;
  /** Also add the staff to directory_user, with department and division (default false). */
  directory?: boolean;
  /** From this day, names are concealed: periods reaching it have only a council row. */
  concealedFrom?: string;
  seed?: number;
};

export type GeneratedService = { name: string; staff: number };
export type GeneratedDirectorate = {
  name: string;
  staff: number;
  services: GeneratedService[];
  /** People in the directorate with no service. */
  noService: number;
  /** Share active in Teams at the start, and the points gained per week. */
  profile: { base: number; weeklyGain: number };
};

export type GeneratedCouncil = {
  firstDay: string;
  lastDay: string;
  staff: number;
  directorates: GeneratedDirectorate[];
  /** People with no directorate. */
  noDirectorate: number;
  /** A service under any threshold from 5 (4 people). */
  smallService: { directorate: string; service: string };
  /** A directorate under the default threshold of 10 (7 people). */
  smallDirectorate: string;
  weekStarts: string[];
  monthStarts: string[];
  /** Directory ids by directorate ("" for none), when `directory` was set. */
  userIds: Map<string, string[]>;
};

const named: {
  name: string;
  weight: number;
  services: [string, number][];
  profile: GeneratedDirectorate["profile"];
}[] = [
  {
    name: "Adults and Health",
    weight: 0.3,
    services: [
      ["Adult Social Care", 0.6],
      ["Public Health", 0.2],
      ["Commissioning", 0.2],
    ],
    profile: { base: 0.55, weeklyGain: 0.006 },
  },
  {
    // Lagging: the directorate ICT most needs to help.
    name: "Children's Services",
    weight: 0.3,
    services: [
      ["Children's Social Care", 0.5],
      ["Education", 0.3],
      ["Early Help", 0.2],
    ],
    profile: { base: 0.3, weeklyGain: 0.002 },
  },
  {
    // Moved early.
    name: "Place",
    weight: 0.22,
    services: [
      ["Highways", 0.4],
      ["Waste and Recycling", 0.3],
      ["Planning", 0.3],
    ],
    profile: { base: 0.78, weeklyGain: 0.003 },
  },
  {
    name: "Resources",
    weight: 0.18,
    services: [
      ["Finance", 0.35],
      ["ICT", 0.35],
      ["People and HR", 0.3],
    ],
    profile: { base: 0.6, weeklyGain: 0.005 },
  },
];
const smallDirectorate = "Chief Executive's Office";
const smallService = { directorate: "Place", service: "Coroner's Office" };

/** A small, seeded pseudo-random generator (mulberry32): the same council every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The directorates and services of a council of `staff` people. */
function structureOf(staff: number, count: number, servicesPer: number, random: () => number) {
  const noDirectorate = Math.max(3, Math.round(staff * 0.02));
  const spread = staff - noDirectorate - 7 - 4;
  const generatedCount = Math.max(0, count - named.length - 1);
  const plans = [
    ...named.slice(0, Math.max(0, count - 1)),
    ...Array.from({ length: generatedCount }, (_, i) => ({
      name: `Directorate ${i + 6}`,
      weight: 0.15,
      services: Array.from(
        { length: servicesPer },
        (_, k) => [`Service ${i + 6}.${k + 1}`, 1 / servicesPer] as [string, number],
      ),
      profile: { base: 0.35 + random() * 0.35, weeklyGain: 0.001 + random() * 0.005 },
    })),
  ];
  const totalWeight = plans.reduce((sum, p) => sum + p.weight, 0);
  const directorates: GeneratedDirectorate[] = plans.map((plan) => {
    const directorateStaff = Math.floor((spread * plan.weight) / totalWeight);
    const noService = plan.name === "Resources" ? 2 : 0;
    const inServices = directorateStaff - noService;
    const services = plan.services.map(([name, share]) => ({ name, staff: Math.floor(inServices * share) }));
    const first = services[0];
    if (first) first.staff += inServices - services.reduce((sum, s) => sum + s.staff, 0);
    if (plan.name === smallService.directorate) services.push({ name: smallService.service, staff: 4 });
    const total = services.reduce((sum, s) => sum + s.staff, 0) + noService;
    return { name: plan.name, staff: total, services, noService, profile: plan.profile };
  });
  if (count > 0) {
    directorates.push({
      name: smallDirectorate,
      staff: 7,
      services: [],
      noService: 7,
      profile: { base: 0.7, weeklyGain: 0.003 },
    });
  }
  const placed = directorates.reduce((sum, d) => sum + d.staff, 0);
  return { directorates, noDirectorate: staff - placed };
}

/** A unit of people who are all in the same service (or in no service, or no directorate). */
type Unit = { directorate: string; service: string; staff: number; profile: GeneratedDirectorate["profile"] };

type Counts = Omit<
  Insertable<AdoptionGroupPeriodTable>,
  "period" | "start" | "level" | "directorate" | "service" | "concealed" | "days_covered" | "computed_at"
>;

/** Seasonal dips: the summer holidays and Christmas. */
function season(day: string): number {
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  if ((month === 12 && date >= 20) || (month === 1 && date <= 3)) return 0.8;
  if (month === 8) return 0.9;
  return 1;
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** A unit's figures over `days` days from `from`, as counts of people and sums of activity. */
function unitCounts(unit: Unit, from: string, days: number, firstDay: string, random: () => number): Counts {
  const middle = addDays(from, Math.floor(days / 2));
  const weeksIn = (dayNumber(middle) - dayNumber(firstDay)) / 7;
  const adoption = Math.min(0.97, (unit.profile.base + unit.profile.weeklyGain * weeksIn) * season(middle));
  // A single day reaches fewer distinct people than a week or a month does.
  const reach = days === 1 ? 0.75 : 1;
  const people = (share: number) =>
    Math.min(unit.staff, Math.max(0, Math.round(unit.staff * Math.min(1, share * reach * (0.97 + random() * 0.06)))));
  const sum = (perPersonPerDay: number) => Math.round(unit.staff * days * perPersonPerDay * (0.9 + random() * 0.2));
  const onedrive = people(0.1 + 0.6 * adoption);
  const sharepoint = people(0.1 + 0.5 * adoption);
  return {
    staff: unit.staff,
    reported: people(0.98),
    teams_active: people(adoption),
    chatting: people(0.9 * adoption),
    meeting: people(0.85 * adoption),
    calling: people(0.5 * adoption),
    team_chat: sum(2 * adoption),
    private_chat: sum(8 * adoption),
    posts: sum(0.4 * adoption),
    calls: sum(0.7 * adoption),
    meetings_organised: sum(0.3 * adoption),
    meetings_attended: sum(1.2 * adoption),
    teams_desktop: people(0.8 * adoption),
    teams_web: people(0.3 * adoption),
    teams_mobile: people(0.35 * adoption),
    multi_platform: people(0.4 * adoption),
    emails_sent: sum(14 - 8 * adoption),
    email_active: people(0.95),
    onedrive_active: onedrive,
    sharepoint_active: sharepoint,
    content_active: Math.min(unit.staff, Math.max(onedrive, sharepoint) + people(0.05)),
    apps_activated: people(0.7 + 0.25 * adoption),
  };
}

const addCounts = (a: Counts, b: Counts): Counts =>
  Object.fromEntries(groupFigureColumns.map((c) => [c, Number(a[c] ?? 0) + Number(b[c] ?? 0)])) as Counts;

const noCounts = Object.fromEntries(groupFigureColumns.map((c) => [c, 0])) as Counts;

const yesterday = () => addDays(new Date().toISOString().slice(0, 10), -1);

function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Writes the generated council's figures; returns what it generated, for the tests to check against. */
export async function seedAdoptionCouncil(db: Db, options: AdoptionCouncilOptions = {}): Promise<GeneratedCouncil> {
  const staff = options.staff ?? 400;
  const weeks = options.weeks ?? 16;
  const lastDay = options.lastDay ?? yesterday();
  const random = seeded(options.seed ?? 10);
  const { directorates, noDirectorate } = structureOf(
    staff,
    options.directorates ?? 5,
    options.servicesPerDirectorate ?? 4,
    random,
  );
  const firstDay = mondayOf(addDays(lastDay, -(weeks - 1) * 7));
  const units: Unit[] = [
    ...directorates.flatMap((d) => [
      ...d.services.map((s) => ({ directorate: d.name, service: s.name, staff: s.staff, profile: d.profile })),
      { directorate: d.name, service: "", staff: d.noService, profile: d.profile },
    ]),
    { directorate: "", service: "", staff: noDirectorate, profile: { base: 0.45, weeklyGain: 0.002 } },
  ].filter((u) => u.staff > 0);

  const periods: { period: AdoptionPeriodKind; start: string; from: string; days: number }[] = [];
  const weekStarts: string[] = [];
  for (let start = firstDay; start <= lastDay; start = addDays(start, 7)) {
    weekStarts.push(start);
    periods.push({ period: "week", start, from: start, days: Math.min(7, dayNumber(lastDay) - dayNumber(start) + 1) });
  }
  const monthStarts: string[] = [];
  for (let start = `${firstDay.slice(0, 7)}-01`; start <= lastDay; start = nextMonth(start)) {
    monthStarts.push(start);
    const from = start < firstDay ? firstDay : start;
    const to = addDays(nextMonth(start), -1) < lastDay ? addDays(nextMonth(start), -1) : lastDay;
    periods.push({ period: "month", start, from, days: dayNumber(to) - dayNumber(from) + 1 });
  }
  if (options.days) {
    for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
      periods.push({ period: "day", start: day, from: day, days: 1 });
    }
  }

  const rows: Insertable<AdoptionGroupPeriodTable>[] = [];
  for (const p of periods) {
    const concealed = options.concealedFrom !== undefined && addDays(p.from, p.days - 1) >= options.concealedFrom;
    const row = (level: AdoptionGroupPeriodTable["level"], directorate: string, service: string, counts: Counts) => ({
      period: p.period,
      start: p.start,
      level,
      directorate,
      service,
      concealed,
      days_covered: p.days,
      ...counts,
    });
    const leaves = units.map((u) => ({ unit: u, counts: unitCounts(u, p.from, p.days, firstDay, random) }));
    rows.push(
      row(
        "council",
        "",
        "",
        leaves.reduce((sum, l) => addCounts(sum, l.counts), noCounts),
      ),
    );
    if (concealed) continue;
    for (const d of directorates) {
      const inDirectorate = leaves.filter((l) => l.unit.directorate === d.name);
      rows.push(
        row(
          "directorate",
          d.name,
          "",
          inDirectorate.reduce((sum, l) => addCounts(sum, l.counts), noCounts),
        ),
      );
      for (const l of inDirectorate)
        if (l.unit.service !== "") rows.push(row("service", d.name, l.unit.service, l.counts));
    }
  }
  for (const chunk of inChunks(rows, 1_000)) await db.insertInto("adoption_group_period").values(chunk).execute();

  const userIds = options.directory ? await addDirectory(db, units) : new Map<string, string[]>();
  return {
    firstDay,
    lastDay,
    staff,
    directorates,
    noDirectorate,
    smallService,
    smallDirectorate,
    weekStarts,
    monthStarts,
    userIds,
  };
}

function nextMonth(start: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

const firstNames = ["Alex", "Bola", "Cerys", "Dev", "Efa", "Femi", "Gwen", "Hamza", "Iolo", "Jas", "Kit", "Lowri"];
const surnames = ["Ahmed", "Brown", "Davies", "Evans", "Hughes", "Jones", "Khan", "Morgan", "Patel", "Roberts"];

async function addDirectory(db: Db, units: readonly Unit[]): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>();
  const rows = units.flatMap((unit) =>
    Array.from({ length: unit.staff }, (_, i) => {
      const id = randomUUID();
      const list = ids.get(unit.directorate);
      if (list) list.push(id);
      else ids.set(unit.directorate, [id]);
      const given = firstNames[i % firstNames.length] ?? "Sam";
      const surname = surnames[(i * 7 + unit.service.length) % surnames.length] ?? "Smith";
      return {
        id,
        user_principal_name: `${given}.${surname}.${id.slice(0, 8)}@council.example`.toLowerCase(),
        display_name: `${given} ${surname}`,
        given_name: given,
        surname,
        department: unit.directorate || null,
        division: unit.service || null,
        job_title: unit.service ? `${unit.service} officer` : null,
        account_enabled: true,
        synced_at: new Date(),
      };
    }),
  );
  for (const chunk of inChunks(rows, 1_000)) await db.insertInto("directory_user").values(chunk).execute();
  return ids;
}
