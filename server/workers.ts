import type { Logger } from "pino";

/** A background job run on a fixed interval, never overlapping itself. */
export type Worker = {
  name: string;
  intervalMs: number;
  /** One run. The signal is aborted when the app shuts down. */
  perform(signal: AbortSignal): Promise<void>;
};

export type RunningWorkers = {
  /** Aborts the runs and waits for them, at most `graceMs`: runs keep their place as they go. */
  stop(graceMs?: number): Promise<void>;
};

/**
 * Runs each worker now and then every intervalMs. A failed run is logged and
 * the next one goes ahead as planned; stop() waits for runs in progress.
 */
export function startWorkers(workers: Worker[], log: Logger): RunningWorkers {
  const controller = new AbortController();
  const inFlight = new Set<Promise<void>>();
  const timers: NodeJS.Timeout[] = [];

  for (const worker of workers) {
    let running = false;
    const runOnce = () => {
      if (running || controller.signal.aborted) return;
      running = true;
      const run = worker
        .perform(controller.signal)
        .catch((error: unknown) => log.error({ err: error, worker: worker.name }, "worker run failed"))
        .finally(() => {
          running = false;
          inFlight.delete(run);
        });
      inFlight.add(run);
    };
    runOnce();
    timers.push(setInterval(runOnce, worker.intervalMs));
  }

  return {
    async stop(graceMs = 10_000) {
      controller.abort();
      for (const timer of timers) clearInterval(timer);
      let timeout: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<"timeout">((resolve) => {
        timeout = setTimeout(() => resolve("timeout"), graceMs);
      });
      const result = await Promise.race([Promise.all(inFlight), gaveUp]);
      clearTimeout(timeout);
      if (result === "timeout")
        log.warn({ running: inFlight.size }, "workers still running at shutdown; they resume on the next start");
    },
  };
}
