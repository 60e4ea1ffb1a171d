import { sql } from "kysely";
import { isWindows11Sql } from "../devices/windowsVersion";
import type { Db } from "../store/database";
import { listRefreshWaves, type RefreshWave } from "./refreshWave";

/** How a device in a wave's scope was dealt with. */
export type Completion = { deviceId: string; how: "replaced" | "upgraded"; at: Date };

export type WaveProgress = RefreshWave & {
  status: "planned" | "running" | "finished";
  replaced: number;
  upgraded: number;
  /** Replaced plus upgraded. */
  done: number;
  /** Target less done, never below 0. */
  remaining: number;
};

export type BurndownPoint = {
  /** YYYY-MM-DD: figures as at the end of this day (UTC). */
  date: string;
  /** Devices still to do; null for days still to come. */
  remaining: number | null;
  /** Where a steady pace from the target down to 0 on the last day would be. */
  ideal: number;
};

const DAY_MS = 24 * 3600 * 1000;
const dayStart = (date: string) => new Date(`${date}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The devices a wave dealt with, from what the synced store holds. A device
 * counts when its owner is in one of the wave's directorates (as the directory
 * places them now) and, during the wave:
 * - replaced: it was removed from Intune, having been enrolled before the wave,
 *   and its owner enrolled a new device with the same operating system (one
 *   new device answers for one old one; a removal without a new device, such
 *   as a leaver's, or a new device with the old still enrolled, does not count yet);
 * - upgraded: a sync saw it move from Windows 10 to Windows 11, and it is still
 *   enrolled and on Windows 11.
 */
export async function waveCompletions(db: Db, wave: RefreshWave): Promise<Completion[]> {
  const start = dayStart(wave.startsOn);
  const end = new Date(dayStart(wave.endsOn).getTime() + DAY_MS);
  const { rows } = await sql<{ device_id: string; how: Completion["how"]; at: Date }>`
    with scoped as (
      select d.id, d.user_id, d.operating_system, d.enrolled_at, d.removed_at, d.upgraded_to_windows_11_at,
        ${isWindows11Sql("d")} as on_windows_11
      from managed_device d join directory_user u on u.id = d.user_id
      where u.department in (${sql.join(wave.directorates)})
    ),
    retired as (
      select id, user_id, operating_system, removed_at as at,
        row_number() over (partition by user_id, operating_system order by removed_at, id) as n
      from scoped
      where removed_at >= ${start} and removed_at < ${end} and (enrolled_at is null or enrolled_at < ${start})
    ),
    enrolled as (
      select user_id, operating_system, enrolled_at as at,
        row_number() over (partition by user_id, operating_system order by enrolled_at, id) as n
      from scoped
      where enrolled_at >= ${start} and enrolled_at < ${end}
    )
    select r.id as device_id, 'replaced' as how, greatest(r.at, e.at) as at
    from retired r join enrolled e on e.user_id = r.user_id and e.operating_system = r.operating_system and e.n = r.n
    union all
    select id, 'upgraded', upgraded_to_windows_11_at
    from scoped
    where upgraded_to_windows_11_at >= ${start} and upgraded_to_windows_11_at < ${end}
      and removed_at is null and on_windows_11
    order by 3, 1`.execute(db);
  return rows.map((r) => ({ deviceId: r.device_id, how: r.how, at: r.at }));
}

/** Every wave with how far it has got, the earliest first. */
export async function refreshWaveProgress(db: Db, now: Date): Promise<WaveProgress[]> {
  const waves = await listRefreshWaves(db);
  const progress: WaveProgress[] = [];
  for (const wave of waves) {
    const completions = await waveCompletions(db, wave);
    const replaced = completions.filter((c) => c.how === "replaced").length;
    const upgraded = completions.length - replaced;
    const status =
      now < dayStart(wave.startsOn)
        ? "planned"
        : now.getTime() >= dayStart(wave.endsOn).getTime() + DAY_MS
          ? "finished"
          : "running";
    progress.push({
      ...wave,
      status,
      replaced,
      upgraded,
      done: completions.length,
      remaining: Math.max(0, wave.targetDevices - completions.length),
    });
  }
  return progress;
}

/**
 * Devices remaining at the end of each day (or each week, counted from the
 * first day) of the wave, with the last day always included, beside the ideal.
 */
export async function waveBurndown(
  db: Db,
  wave: RefreshWave,
  now: Date,
  step: "day" | "week" = "day",
): Promise<BurndownPoint[]> {
  const times = (await waveCompletions(db, wave)).map((c) => c.at.getTime());
  const first = dayStart(wave.startsOn).getTime();
  const last = dayStart(wave.endsOn).getTime();
  const spanDays = (last - first) / DAY_MS + 1;
  const stride = step === "week" ? 7 : 1;
  const days: number[] = [];
  for (let day = first; day < last; day += stride * DAY_MS) days.push(day);
  days.push(last);
  return days.map((day) => {
    const endOfDay = day + DAY_MS;
    const elapsedDays = (endOfDay - first) / DAY_MS;
    const done = times.filter((t) => t < endOfDay).length;
    return {
      date: dayOf(day),
      remaining: day > now.getTime() ? null : Math.max(0, wave.targetDevices - done),
      ideal: Math.round(wave.targetDevices * (1 - elapsedDays / spanDays)),
    };
  });
}
