import { sql } from "kysely";
import type { Db } from "../store/database";
import type { PulseAudience } from "./pulseDraft";

/** Someone a run asks, with their directorate at that moment. */
export type Invitee = { aadObjectId: string; directorate: string | null };

const dayMs = 86_400_000;

/** People who can be asked at all: in the synced directory, not removed, account enabled. */
const reachable = (db: Db) =>
  db.selectFrom("directory_user as u").where("u.removed_at", "is", null).where("u.account_enabled", "=", true);

function audienceQuery(db: Db, audience: PulseAudience, seed: string) {
  switch (audience.kind) {
    case "all":
      return reachable(db);
    case "directorates":
      return reachable(db).where("u.department", "in", audience.directorates);
    case "sample":
      // Ordering by a hash of the run's seed and the id gives a random sample
      // that the same run always draws the same, whichever instance draws it.
      return reachable(db).orderBy(sql`md5(${seed} || u.id)`).limit(audience.size);
    case "resolvedTickets": {
      const from = new Date(`${audience.from}T00:00:00Z`);
      const to = new Date(Date.parse(`${audience.to}T00:00:00Z`) + dayMs);
      return reachable(db).where((eb) =>
        eb.exists(
          eb
            .selectFrom("ticket")
            .select("ticket.id")
            .whereRef("ticket.requester_aad_id", "=", "u.id")
            .where("ticket.status", "=", "resolved")
            .where("ticket.resolved_at", ">=", from)
            .where("ticket.resolved_at", "<", to),
        ),
      );
    }
  }
}

/** Everyone an audience names now; a sample is drawn with the run's seed. */
export async function resolveAudience(db: Db, audience: PulseAudience, seed: string): Promise<Invitee[]> {
  const rows = await audienceQuery(db, audience, seed).select(["u.id", "u.department"]).execute();
  return rows.map((r) => ({ aadObjectId: r.id, directorate: r.department }));
}

/** How many people the audience names now, for the preview. */
export async function audienceSize(db: Db, audience: PulseAudience): Promise<number> {
  const everyone = audience.kind === "sample" ? { kind: "all" as const } : audience;
  const row = await audienceQuery(db, everyone, "")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  return audience.kind === "sample" ? Math.min(count, audience.size) : count;
}
