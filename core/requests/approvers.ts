import { sql } from "kysely";
import type { Db } from "../store/database";
import type { ApproverSource, Person } from "./requestTables";

export type Approval = { approvers: Person[]; source: ApproverSource };

const activePerson = (db: Db) =>
  db
    .selectFrom("directory_user")
    .select(["id as aadObjectId", "display_name as name"])
    .where("removed_at", "is", null)
    .where("account_enabled", "=", true);

/**
 * Who decides a person's device request: their line manager; with none, the
 * head of their directorate (the person there whose own manager is outside
 * it); with neither, ICT's approvers.
 */
export async function approverFor(db: Db, requesterAadId: string, ictApprovers: readonly string[]): Promise<Approval> {
  const manager = await managerOf(db, requesterAadId);
  if (manager) return { approvers: [manager], source: "manager" };
  const head = await directorateHeadOf(db, requesterAadId);
  if (head) return { approvers: [head], source: "directorate-head" };
  return { approvers: await ictApproversFrom(db, ictApprovers), source: "ict-approvers" };
}

/** Whom a request goes to when its approver has not decided: their own manager, else ICT's approvers. */
export async function escalationFor(db: Db, approverAadId: string, ictApprovers: readonly string[]): Promise<Approval> {
  const manager = await managerOf(db, approverAadId);
  if (manager) return { approvers: [manager], source: "escalation" };
  return { approvers: await ictApproversFrom(db, ictApprovers), source: "ict-approvers" };
}

async function managerOf(db: Db, aadObjectId: string): Promise<Person | undefined> {
  return activePerson(db)
    .where("id", "=", (eb) => eb.selectFrom("directory_user").select("manager_id").where("id", "=", aadObjectId))
    .executeTakeFirst();
}

async function directorateHeadOf(db: Db, aadObjectId: string): Promise<Person | undefined> {
  const person = await db
    .selectFrom("directory_user")
    .select("department")
    .where("id", "=", aadObjectId)
    .executeTakeFirst();
  if (!person?.department) return undefined;
  return activePerson(db)
    .where("department", "=", person.department)
    .where("id", "!=", aadObjectId)
    .where((eb) =>
      eb.or([
        eb("manager_id", "is", null),
        eb.not(
          eb.exists(
            eb
              .selectFrom("directory_user as m")
              .select(sql`1`.as("one"))
              .whereRef("m.id", "=", "directory_user.manager_id")
              .where("m.department", "=", person.department),
          ),
        ),
      ]),
    )
    .orderBy("display_name")
    .executeTakeFirst();
}

/** ICT's approvers, configured by sign-in name, as the directory knows them now. */
async function ictApproversFrom(db: Db, userPrincipalNames: readonly string[]): Promise<Person[]> {
  if (userPrincipalNames.length === 0) return [];
  return activePerson(db)
    .where(
      sql`lower(user_principal_name)`,
      "in",
      userPrincipalNames.map((upn) => upn.toLowerCase()),
    )
    .orderBy("display_name")
    .execute();
}
