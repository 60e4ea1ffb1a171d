import { configOrExit, startOrReport } from "./boot";

/** The process entry for `npm start`. */
async function main() {
  const started = await startOrReport(configOrExit());
  if (!started) return;
  const { app, log } = started;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: draining requests");
    try {
      await app.stop();
      log.info("stopped cleanly");
    } catch (error) {
      log.error({ err: error }, "error while stopping");
      process.exitCode = 1;
    }
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled promise rejection"));
}

void main();
