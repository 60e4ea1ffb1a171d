import { AppError } from "../errors";
import { t } from "../messages/catalogue";
import type { Db } from "../store/database";
import type { TipAudience } from "./adoptionApi";
import { addDays } from "./calendar";
import { daysWithData, namesConcealed, windowBefore } from "./tipWindows";

/** Someone an audience names, and whether the cap or their own choice keeps the tip from them. */
export type TipCandidate = { userId: string; optedOut: boolean; recentTip: boolean };

/** People a tip can go to at all: in the synced directory, not removed, account enabled. */
const reachable = (db: Db) =>
  db.selectFrom("directory_user as u").where("u.removed_at", "is", null).where("u.account_enabled", "=", true);

/**
 * Refuses the "inactive" audience when it cannot be drawn honestly: with no
 * report for the last 28 days everyone would look inactive, and with names
 * concealed nobody's use can be told apart from anybody else's.
 * @throws AppError already_decided (names concealed, no data yet).
 */
async function checkInactiveCanBeFound(db: Db, today: string) {
  const window = windowBefore(today);
  if (await namesConcealed(db, window)) throw new AppError("already_decided", t("adoption.tip.error.concealed"));
  if ((await daysWithData(db, window)) === 0) throw new AppError("already_decided", t("adoption.tip.error.noData"));
}

/**
 * Everyone the audience names on `today`, each marked when they opted out of
 * tips or were sent one within the last `gapDays` days. "Inactive" means no
 * day with Teams activity in the 28 days before today among the days the
 * reports cover; an enabled member of staff with no report row at all in them
 * counts as inactive (the reports leave out people who did nothing).
 * @throws AppError already_decided (inactive: names concealed, or no data yet).
 */
export async function tipCandidates(
  db: Db,
  audience: TipAudience,
  today: string,
  gapDays: number,
): Promise<TipCandidate[]> {
  let people = reachable(db);
  if (audience.directorate !== null) people = people.where("u.department", "=", audience.directorate);
  if (audience.kind === "inactive") {
    await checkInactiveCanBeFound(db, today);
    const window = windowBefore(today);
    people = people.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("adoption_person_day as p")
            .select("p.day")
            .whereRef("p.user_id", "=", "u.id")
            .where("p.teams_active", "=", true)
            .where("p.day", ">=", window.from)
            .where("p.day", "<=", window.to),
        ),
      ),
    );
  }
  // A tip sent on or after this day is too recent: gapDays is the fewest days between two tips.
  const earliestAllowed = addDays(today, -gapDays + 1);
  const rows = await people
    .select((eb) => [
      "u.id",
      eb
        .exists(eb.selectFrom("adoption_tip_opt_out as o").select("o.user_id").whereRef("o.user_id", "=", "u.id"))
        .as("opted_out"),
      eb
        .exists(
          eb
            .selectFrom("adoption_tip_recipient as r")
            .select("r.user_id")
            .whereRef("r.user_id", "=", "u.id")
            .where("r.sent_on", ">=", earliestAllowed),
        )
        .as("recent_tip"),
    ])
    .orderBy("u.id")
    .execute();
  return rows.map((r) => ({ userId: r.id, optedOut: Boolean(r.opted_out), recentTip: Boolean(r.recent_tip) }));
}
