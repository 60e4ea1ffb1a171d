import { type ColumnType, type Generated, type Selectable, sql } from "kysely";
import type { Db } from "../store/database";

/** A planned stretch of replacements and upgrades for some directorates, as ICT defines it. */
export type RefreshWave = {
  id: number;
  name: string;
  /** Directorates as the directory spells them (directory_user.department). */
  directorates: string[];
  /** YYYY-MM-DD, the first day of the wave. */
  startsOn: string;
  /** YYYY-MM-DD, the last day of the wave. */
  endsOn: string;
  /** How many devices ICT means to replace or upgrade in it. */
  targetDevices: number;
};

export type NewRefreshWave = Omit<RefreshWave, "id">;

export type RefreshWaveTable = {
  id: Generated<number>;
  name: string;
  directorates: ColumnType<string[], string, string>;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
  target_devices: number;
  created_at: Generated<Date>;
};

const waveColumns = [
  "id",
  "name",
  "directorates",
  sql<string>`to_char(starts_on, 'YYYY-MM-DD')`.as("starts_on"),
  sql<string>`to_char(ends_on, 'YYYY-MM-DD')`.as("ends_on"),
  "target_devices",
] as const;

const toWave = (
  row: Pick<Selectable<RefreshWaveTable>, "id" | "name" | "directorates" | "starts_on" | "ends_on" | "target_devices">,
): RefreshWave => ({
  id: row.id,
  name: row.name,
  directorates: row.directorates,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  targetDevices: row.target_devices,
});

/** Adds a wave; null when a wave of that name exists already (names are unique). */
export async function insertRefreshWave(db: Db, wave: NewRefreshWave): Promise<RefreshWave | null> {
  const row = await db
    .insertInto("refresh_wave")
    .values({
      name: wave.name,
      directorates: JSON.stringify(wave.directorates),
      starts_on: wave.startsOn,
      ends_on: wave.endsOn,
      target_devices: wave.targetDevices,
    })
    .onConflict((c) => c.column("name").doNothing())
    .returning(waveColumns)
    .executeTakeFirst();
  return row ? toWave(row) : null;
}

/** Every wave, the earliest first. */
export async function listRefreshWaves(db: Db): Promise<RefreshWave[]> {
  const rows = await db.selectFrom("refresh_wave").select(waveColumns).orderBy("starts_on").orderBy("id").execute();
  return rows.map(toWave);
}
