import { AppError } from "../errors";
import { t } from "../messages/catalogue";
import type { Db } from "../store/database";
import type { Champion } from "./adoptionApi";

/** Whether some current member of staff has this directorate in the directory. */
export async function isKnownDirectorate(db: Db, directorate: string): Promise<boolean> {
  const row = await db
    .selectFrom("directory_user")
    .select("id")
    .where("department", "=", directorate)
    .where("removed_at", "is", null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records `userId` as a digital champion for the directorate; adding them again
 * changes nothing. A champion may work in another directorate.
 * @throws AppError invalid_input (unknown directorate), not_found (no such person).
 */
export async function addChampion(db: Db, directorate: string, userId: string, by: string): Promise<void> {
  if (!(await isKnownDirectorate(db, directorate))) {
    throw new AppError("invalid_input", t("adoption.champion.error.directorate"));
  }
  const person = await db
    .selectFrom("directory_user")
    .select("id")
    .where("id", "=", userId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  if (!person) throw new AppError("not_found", t("adoption.champion.error.user"));
  await db
    .insertInto("adoption_champion")
    .values({ directorate, user_id: userId, added_by: by })
    .onConflict((oc) => oc.columns(["directorate", "user_id"]).doNothing())
    .execute();
}

/** @throws AppError not_found when they were not a champion for it. */
export async function removeChampion(db: Db, directorate: string, userId: string): Promise<void> {
  const result = await db
    .deleteFrom("adoption_champion")
    .where("directorate", "=", directorate)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw new AppError("not_found", t("adoption.champion.error.notFound"));
}

/**
 * Champions by directorate with their names from the directory, by name.
 * Someone who has left (removed from the directory) is no longer shown.
 */
export async function championsByDirectorate(db: Db): Promise<Map<string, Champion[]>> {
  const rows = await db
    .selectFrom("adoption_champion as c")
    .innerJoin("directory_user as u", "u.id", "c.user_id")
    .select(["c.directorate", "c.user_id", "u.display_name", "u.job_title"])
    .where("u.removed_at", "is", null)
    .orderBy("c.directorate")
    .orderBy("u.display_name")
    .execute();
  const champions = new Map<string, Champion[]>();
  for (const row of rows) {
    const champion = { userId: row.user_id, displayName: row.display_name, jobTitle: row.job_title };
    const list = champions.get(row.directorate);
    if (list) list.push(champion);
    else champions.set(row.directorate, [champion]);
  }
  return champions;
}
