import type { ColumnType, Generated, Selectable } from "kysely";
import type { PulseDraft } from "./pulseDraft";

export type PulseTable = {
  id: Generated<number>;
  title: string;
  /** The draft as ICT saved it ("now" already replaced by the time it was created). */
  definition: ColumnType<PulseDraft, string, string>;
  anonymous: boolean;
  threshold: number;
  created_by_aad_id: string;
  created_by_name: string;
  created_at: Generated<Date>;
  cancelled_at: Date | null;
  /** Index in the schedule of the next run to start (0 for the first). */
  next_run_index: Generated<number>;
  /** When that run is due; null when the schedule has no more runs or the pulse was cancelled. */
  next_run_at: Date | null;
};

export type PulseRunTable = {
  id: Generated<number>;
  pulse_id: number;
  /** 1, 2, 3 … in the order runs started. */
  run_no: number;
  scheduled_for: Date;
  sent_at: Date;
  closes_at: Date;
  /** When the run actually closed (its time came, or the pulse was cancelled). */
  closed_at: Date | null;
  invited: number;
  /** Drives the random sample, so that the same run always picks the same people. */
  seed: string;
  reminded_at: Date | null;
  /** The outbox key of the invitation; reminders and "you said, we did" keys are derived from the run id. */
  message_key: string;
};

/** Who was asked in a run, with their directorate then: the denominator of response rates and who is reminded. */
export type PulseInviteeTable = {
  run_id: number;
  aad_object_id: string;
  directorate: string | null;
};

/**
 * That someone answered a run, and nothing else: its primary key is what
 * refuses a second answer. No time is kept, so it cannot be matched to an
 * answer by when.
 */
export type PulseRespondentTable = {
  run_id: number;
  aad_object_id: string;
};

/**
 * One answer. For an anonymous pulse aad_object_id is null, the id is random,
 * answered_on is the day the run was sent (for a named pulse, the day of the
 * answer), and the rows are re-written in random order by `mixAnswers` (see
 * answers.ts), so nothing ties a row to pulse_respondent.
 */
export type PulseAnswerTable = {
  id: string;
  run_id: number;
  aad_object_id: string | null;
  rating: number;
  recommend: number | null;
  comment: string | null;
  directorate: string | null;
  /** A day (YYYY-MM-DD) when written; read back as a Date by both engines. */
  answered_on: ColumnType<Date, string, string>;
  /** False until the answer has been shuffled among the run's others. */
  mixed: Generated<boolean>;
};

/** A "you said, we did" note ICT published, sent to everyone who responded to the pulse. */
export type PulseActionTable = {
  id: Generated<number>;
  pulse_id: number;
  you_said: string;
  we_did: string;
  published_at: Generated<Date>;
  published_by_aad_id: string;
  published_by_name: string;
  recipients: number;
  message_key: string;
};

export type PulseRow = Selectable<PulseTable>;
export type PulseRunRow = Selectable<PulseRunTable>;
export type PulseActionRow = Selectable<PulseActionTable>;
