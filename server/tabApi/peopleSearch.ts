import type { PersonFound } from "../../core/adoption/adoptionApi";
import type { Db } from "../../core/store/database";

/** The most a search answers: enough to pick from, too few to page through the directory. */
export const peopleFoundAtMost = 20;

/**
 * Enabled people in the synced directory whose display name contains the text,
 * those whose name starts with it first, then by name.
 */
export async function searchPeople(db: Db, text: string): Promise<PersonFound[]> {
  // The typed text is matched as it is: % and _ are not wildcards to the person typing.
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db
    .selectFrom("directory_user")
    .select(["id", "display_name", "job_title", "department"])
    .where("removed_at", "is", null)
    .where("account_enabled", "=", true)
    .where("display_name", "ilike", `%${escaped}%`)
    .orderBy((eb) => eb("display_name", "ilike", `${escaped}%`), "desc")
    .orderBy("display_name")
    .orderBy("id")
    .limit(peopleFoundAtMost)
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    displayName: r.display_name,
    jobTitle: r.job_title,
    directorate: r.department,
  }));
}
