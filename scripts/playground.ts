import { spawn } from "node:child_process";
import { join } from "node:path";
import { configOrExit, startOrReport } from "../server/boot";

/**
 * `npm run playground`: the app on the dev tenant plus Microsoft 365 Agents
 * Playground wired to its bot, so a person can chat with it in a browser.
 */
async function main() {
  const config = configOrExit();
  if (config.bot.appId) {
    process.stderr.write(
      "The playground talks to the bot without Bot Framework tokens: unset BOT_ID and the tenant variables to use it.\n",
    );
    process.exit(1);
  }
  const started = await startOrReport(config);
  if (!started) return;
  const { app, log } = started;

  const port = process.env.PLAYGROUND_PORT ?? "56150";
  const playground = spawn(
    join(import.meta.dirname, "..", "node_modules", ".bin", "agentsplayground"),
    ["--disable-telemetry", "-e", `${app.url}/api/messages`, "-c", "msteams", "-p", port],
    { env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none" }, stdio: ["ignore", "inherit", "inherit"] },
  );
  log.info(
    { url: `http://localhost:${port}` },
    `Agents Playground: open http://localhost:${port} to chat with ICT Hub`,
  );

  playground.on("exit", (code) => {
    log.info({ code }, "Agents Playground stopped");
    void app.stop().finally(() => process.exit(code ?? 0));
  });
  const stop = () => playground.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

void main();
