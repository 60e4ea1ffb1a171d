import { AppError } from "../errors";
import { t } from "../messages/catalogue";
import type { Db } from "../store/database";
import { classifiedDevices } from "./classifiedDevices";
import { type RefreshPolicy, type RefreshState, replacementStates } from "./refreshPolicy";
import { insertRefreshWave, type RefreshWave } from "./refreshWave";

export type CreateRefreshWaveProps = {
  /** Unique, e.g. "Wave 1: Adult Social Care". */
  name: string;
  /** Directorates as the directory spells them; at least one. */
  directorates: readonly string[];
  /** YYYY-MM-DD, the first day. */
  startsOn: string;
  /** YYYY-MM-DD, the last day (on or after the first). */
  endsOn: string;
  /** Devices to replace or upgrade; by default those in scope that need it as of `now`. */
  targetDevices?: number;
};

/** What a wave sets out to deal with: devices to replace, and PCs to take to Windows 11. */
const waveWorkStates: readonly RefreshState[] = [...replacementStates, "upgrade-to-windows-11"];

/**
 * Adds a refresh wave.
 * @throws AppError invalid_input when a value is malformed, a directorate has no
 *   one in it (a misspelling, most likely), or the name is taken.
 */
export async function createRefreshWave(
  db: Db,
  props: CreateRefreshWaveProps,
  policy: RefreshPolicy,
  now: Date,
): Promise<RefreshWave> {
  const name = props.name.trim();
  const directorates = [...new Set(props.directorates.map((d) => d.trim()).filter((d) => d !== ""))];
  if (name === "") throw invalid(t("refresh.wave.noName"));
  if (directorates.length === 0) throw invalid(t("refresh.wave.noDirectorates"));
  if (!isDate(props.startsOn)) throw invalid(t("refresh.wave.badStart", { value: props.startsOn }));
  if (!isDate(props.endsOn)) throw invalid(t("refresh.wave.badEnd", { value: props.endsOn }));
  if (props.endsOn < props.startsOn) {
    throw invalid(t("refresh.wave.endsBeforeStart", { start: props.startsOn, end: props.endsOn }));
  }
  const target = props.targetDevices;
  if (target !== undefined && !(Number.isInteger(target) && target >= 0)) {
    throw invalid(t("refresh.wave.badTarget", { value: String(target) }));
  }

  const known = await directoratesInDirectory(db);
  const unknown = directorates.filter((d) => !known.includes(d));
  if (unknown.length > 0) {
    throw invalid(t("refresh.wave.unknownDirectorates", { names: unknown.join(", "), known: known.join(", ") }));
  }

  const wave = await insertRefreshWave(db, {
    name,
    directorates,
    startsOn: props.startsOn,
    endsOn: props.endsOn,
    targetDevices: target ?? (await devicesNeedingWork(db, policy, now, directorates)),
  });
  if (!wave) throw invalid(t("refresh.wave.nameTaken", { name }));
  return wave;
}

const invalid = (message: string) => new AppError("invalid_input", message);

/** A real calendar day written YYYY-MM-DD. */
function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

async function directoratesInDirectory(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("directory_user")
    .select("department")
    .distinct()
    .where("removed_at", "is", null)
    .where("department", "is not", null)
    .orderBy("department")
    .execute();
  return rows.map((r) => r.department as string);
}

async function devicesNeedingWork(db: Db, policy: RefreshPolicy, now: Date, directorates: readonly string[]) {
  let count = 0;
  for await (const { judgement } of classifiedDevices(db, policy, now, directorates)) {
    if (waveWorkStates.includes(judgement.state)) count += 1;
  }
  return count;
}
