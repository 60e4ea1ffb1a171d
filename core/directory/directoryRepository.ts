import { sql } from "kysely";
import type { Db } from "../store/database";
import { inChunks } from "../store/inChunks";
import { columnList, jsonRecordset } from "../store/jsonRecordset";
import type { DirectoryUser, DirectoryUserPatch, DirectoryUserTable } from "./directoryUser";

const columnOf = {
  userPrincipalName: "user_principal_name",
  displayName: "display_name",
  givenName: "given_name",
  surname: "surname",
  mail: "mail",
  jobTitle: "job_title",
  department: "department",
  division: "division",
  officeLocation: "office_location",
  employeeId: "employee_id",
  accountEnabled: "account_enabled",
} as const satisfies Record<keyof Omit<DirectoryUser, "id">, keyof DirectoryUserTable>;

type Field = keyof typeof columnOf;

const userColumns = {
  id: "text",
  user_principal_name: "text",
  display_name: "text",
  given_name: "text",
  surname: "text",
  mail: "text",
  job_title: "text",
  department: "text",
  division: "text",
  office_location: "text",
  employee_id: "text",
  account_enabled: "boolean",
} as const;

/**
 * Inserts or updates people by Entra id, changing only the properties each
 * patch carries; a person who comes back is no longer removed. Patches with
 * the same properties go in one statement.
 */
export async function upsertDirectoryUsers(
  db: Db,
  patches: readonly DirectoryUserPatch[],
  syncedAt: Date,
): Promise<void> {
  const groups = new Map<string, DirectoryUserPatch[]>();
  for (const patch of patches) {
    const signature = (Object.keys(columnOf) as Field[]).filter((f) => f in patch).join(",");
    const group = groups.get(signature);
    if (group) group.push(patch);
    else groups.set(signature, [patch]);
  }
  for (const [signature, group] of groups) {
    const fields = (signature ? signature.split(",") : []) as Field[];
    const updates = [
      ...fields.map((f) => `${columnOf[f]} = excluded.${columnOf[f]}`),
      "synced_at = excluded.synced_at",
      // A changed person may have a new manager: read it again.
      "manager_synced_at = null",
      "removed_at = null",
    ].join(", ");
    for (const chunk of inChunks(group, 2_000)) {
      const rows = chunk.map((p) => ({
        id: p.id,
        // A new person arrives whole; these defaults only satisfy the schema.
        user_principal_name: p.userPrincipalName ?? "",
        display_name: p.displayName ?? p.userPrincipalName ?? "",
        given_name: p.givenName ?? null,
        surname: p.surname ?? null,
        mail: p.mail ?? null,
        job_title: p.jobTitle ?? null,
        department: p.department ?? null,
        division: p.division ?? null,
        office_location: p.officeLocation ?? null,
        employee_id: p.employeeId ?? null,
        account_enabled: p.accountEnabled ?? true,
      }));
      await sql`
        insert into directory_user (${columnList(Object.keys(userColumns))}, synced_at)
        select r.*, ${syncedAt}::timestamptz from ${jsonRecordset(rows, userColumns)}
        on conflict (id) do update set ${sql.raw(updates)}`.execute(db);
    }
  }
}

/** Marks people Graph reported as deleted; returns how many were still present. */
export async function markDirectoryUsersRemoved(db: Db, ids: readonly string[], at: Date): Promise<number> {
  let removed = 0;
  for (const chunk of inChunks(ids, 1000)) {
    const result = await db
      .updateTable("directory_user")
      .set({ removed_at: at })
      .where("id", "in", chunk)
      .where("removed_at", "is", null)
      .executeTakeFirst();
    removed += Number(result.numUpdatedRows);
  }
  return removed;
}

/** Present people whose manager has not been read since they last changed. */
export async function usersNeedingManager(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("directory_user")
    .select("id")
    .where("removed_at", "is", null)
    .where("manager_synced_at", "is", null)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

/** Records each person's manager (null: they have none). */
export async function saveManagers(
  db: Db,
  managers: readonly { userId: string; managerId: string | null }[],
  at: Date,
): Promise<void> {
  for (const chunk of inChunks(managers, 5_000)) {
    const rows = chunk.map((m) => ({ id: m.userId, manager_id: m.managerId }));
    await sql`
      update directory_user as u set manager_id = r.manager_id, manager_synced_at = ${at}::timestamptz
      from ${jsonRecordset(rows, { id: "text", manager_id: "text" })}
      where u.id = r.id`.execute(db);
  }
}

/** How many people are in the directory now (not removed). */
export async function countDirectoryUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom("directory_user")
    .select(sql<number>`count(*)`.as("n"))
    .where("removed_at", "is", null)
    .executeTakeFirstOrThrow();
  return row.n;
}
