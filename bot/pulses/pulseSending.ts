import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { t } from "../../core/messages/catalogue";
import { mixAnswers, runsToMix } from "../../core/pulses/answers";
import { closeDueRuns, type RunActivity, remindNow, sendDueReminders, startDueRuns } from "../../core/pulses/pulseRuns";
import type { Author } from "../../core/pulses/pulses";
import type { PulseActionRow } from "../../core/pulses/pulseTables";
import { publishAction } from "../../core/pulses/youSaidWeDid";
import type { Database } from "../../core/store/database";
import { pulseActionsCard, pulseCard } from "../cards/pulseCards";
import type { Outbox } from "../outbox/outbox";

/** What the pulse scheduler and ICT's pulse actions need. */
export type PulseDeps = {
  db: Kysely<Database>;
  log: Logger;
  /** Every card goes out through it. */
  outbox: Pick<Outbox, "wake">;
  now: () => Date;
};

const invitation: RunActivity = (pulse, run) => ({
  card: pulseCard({ draft: pulse.definition, runId: run.id, closesAt: run.closes_at }),
});

const reminder: RunActivity = (pulse, run) => ({
  card: pulseCard({
    draft: pulse.definition,
    runId: run.id,
    closesAt: run.closes_at,
    notice: t("pulse.card.reminder"),
  }),
});

/**
 * One round of the scheduler: close runs whose time is up (first, so that
 * a recurring pulse's next run never overlaps the last), start runs whose
 * time has come, send the reminders due, and mix new anonymous answers.
 */
export async function runPulseScheduler(deps: PulseDeps): Promise<{
  closed: number;
  started: number;
  reminded: number;
  mixed: number;
}> {
  const now = deps.now();
  const closed = await closeDueRuns(deps.db, now);
  const started = await startDueRuns(deps.db, now, invitation);
  const reminded = await sendDueReminders(deps.db, now, reminder);
  let mixed = 0;
  for (const runId of await runsToMix(deps.db)) mixed += await mixAnswers(deps.db, runId);
  if (started.length > 0 || reminded > 0 || closed.length > 0) deps.outbox.wake();
  return { closed: closed.length, started: started.length, reminded, mixed };
}

/** ICT's "remind now". @throws AppError not_found, already_decided (no run open). */
export async function remindPulseNow(deps: PulseDeps, pulseId: number): Promise<number> {
  const queued = await remindNow(deps.db, pulseId, deps.now(), reminder);
  deps.outbox.wake();
  return queued;
}

/** Publishes "you said, we did" and sends it to the respondents. @throws AppError not_found. */
export async function publishYouSaidWeDid(
  deps: PulseDeps,
  props: { pulseId: number; youSaid: string; weDid: string; by: Author },
): Promise<PulseActionRow> {
  const action = await publishAction(deps.db, {
    ...props,
    activity: (pulse, said) => ({ card: pulseActionsCard({ title: pulse.title, ...said }) }),
  });
  deps.outbox.wake();
  return action;
}
