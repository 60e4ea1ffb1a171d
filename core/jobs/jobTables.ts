import type { Generated } from "kysely";

/** How a claimed run of a scheduled job ended. "abandoned": its holder stopped renewing and another took it over. */
export const jobOutcomes = ["running", "succeeded", "failed", "stopped", "abandoned"] as const;
export type JobOutcome = (typeof jobOutcomes)[number];

/**
 * One row per scheduled job: the due time it was last claimed for, who holds
 * it and until when. A due time is a slot, floor(epoch ms / interval).
 */
export type JobLeaseTable = {
  job: string;
  slot: number;
  /** The slot's start, for people reading the table. */
  due_at: Date;
  holder: string;
  /** Goes up at every claim: the compare-and-set token renewals and finishes check. */
  version: number;
  lease_until: Date;
  started_at: Date;
  /** Null while the claimed run is under way (or was left by a holder that died). */
  finished_at: Date | null;
};

/** Every claimed run of a scheduled job, which instance ran it and how it ended: ICT's record and the tests'. */
export type JobRunTable = {
  id: Generated<number>;
  job: string;
  slot: number;
  due_at: Date;
  holder: string;
  /** The holder whose expired lease this run took over, if any. */
  took_over_from: string | null;
  started_at: Generated<Date>;
  finished_at: Date | null;
  outcome: JobOutcome;
  error: string | null;
};
