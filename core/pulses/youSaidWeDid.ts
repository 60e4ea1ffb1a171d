import { randomUUID } from "node:crypto";
import { enqueueMessage, type OutboxActivity } from "../outbox/outbox";
import type { Db } from "../store/database";
import { type Author, findPulse } from "./pulses";
import type { PulseActionRow, PulseRow } from "./pulseTables";

/** A published action as the tab shows it (the contract's YouSaidWeDid). */
export type YouSaidWeDid = {
  id: number;
  youSaid: string;
  weDid: string;
  publishedAt: string;
  publishedBy: string;
  recipients: number;
};

export const presentAction = (row: PulseActionRow): YouSaidWeDid => ({
  id: row.id,
  youSaid: row.you_said,
  weDid: row.we_did,
  publishedAt: row.published_at.toISOString(),
  publishedBy: row.published_by_name,
  recipients: row.recipients,
});

/**
 * Publishes "you said, we did" and sends it to everyone who responded to any
 * run of the pulse, each once: a person is counted under the latest run
 * they answered, so that each run's delivery report shows its share.
 * Anonymous or not, who responded is known; what they said is not used.
 * @throws AppError not_found.
 */
export async function publishAction(
  db: Db,
  props: {
    pulseId: number;
    youSaid: string;
    weDid: string;
    by: Author;
    /** The card respondents get. */
    activity: (pulse: PulseRow, action: { youSaid: string; weDid: string }) => OutboxActivity;
  },
): Promise<PulseActionRow> {
  const pulse = await findPulse(db, props.pulseId);
  const respondents = await db
    .selectFrom("pulse_respondent as r")
    .innerJoin("pulse_run as run", "run.id", "r.run_id")
    .select(["r.aad_object_id", "run.message_key"])
    .distinctOn("r.aad_object_id")
    .where("run.pulse_id", "=", pulse.id)
    .orderBy("r.aad_object_id")
    .orderBy("run.run_no", "desc")
    .execute();
  const byRun = new Map<string, string[]>();
  for (const r of respondents) {
    const people = byRun.get(r.message_key) ?? [];
    people.push(r.aad_object_id);
    byRun.set(r.message_key, people);
  }
  const tag = randomUUID();
  const activity = props.activity(pulse, { youSaid: props.youSaid, weDid: props.weDid });
  return db.transaction().execute(async (trx) => {
    const action = await trx
      .insertInto("pulse_action")
      .values({
        pulse_id: pulse.id,
        you_said: props.youSaid,
        we_did: props.weDid,
        published_by_aad_id: props.by.aadObjectId,
        published_by_name: props.by.name,
        recipients: respondents.length,
        message_key: `pulse:${pulse.id}:action:${tag}`,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const [runKey, people] of byRun) {
      await enqueueMessage(trx, {
        key: `${runKey}:action:${action.id}`,
        purpose: "pulse.actions",
        subject: { pulseId: pulse.id, actionId: action.id },
        activity,
        recipients: people.map((aadObjectId) => ({ aadObjectId })),
      });
    }
    return action;
  });
}

/** A pulse's published actions, newest first. */
export async function actionsOf(db: Db, pulseId: number): Promise<PulseActionRow[]> {
  return db.selectFrom("pulse_action").selectAll().where("pulse_id", "=", pulseId).orderBy("id", "desc").execute();
}
