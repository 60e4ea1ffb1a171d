import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Config } from "../core/config";
import { AppError, isAppError } from "../core/errors";
import { t } from "../core/messages/catalogue";
import { type CreateRefreshWaveProps, createRefreshWave } from "../core/refresh/createRefreshWave";
import { dueDevicesCsv } from "../core/refresh/dueDevicesCsv";
import { refreshWaveProgress, type WaveProgress } from "../core/refresh/refreshQueries";
import type { RefreshWave } from "../core/refresh/refreshWave";
import { configOrExit } from "../server/boot";
import { readLiveServerFile, type ServerFile } from "../server/serverFile";
import { openOwnStore } from "./ownStore";

/** What the commands need, from the running server or from the store opened here. */
type RefreshAccess = {
  dueDevicesCsv(): Promise<{ csv: string; devices: number }>;
  waves(): Promise<WaveProgress[]>;
  addWave(props: CreateRefreshWaveProps): Promise<RefreshWave>;
  close(): Promise<void>;
};

type Command =
  | { name: "export"; out: string | undefined }
  | { name: "waves list" }
  | { name: "waves add"; wave: CreateRefreshWaveProps };

class UsageError extends Error {}

/**
 * `npm run refresh -- export [--out FILE]` and `npm run refresh -- waves list|add …`.
 * With the server running on the embedded store, the server does the work (it
 * owns the store); otherwise this process opens the store itself.
 */
async function main() {
  let command: Command;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    const problem = error instanceof UsageError || error instanceof TypeError ? error.message : String(error);
    process.stderr.write(`${problem}\n${t("refresh.cli.usage")}\n`);
    process.exit(2);
  }
  const config = configOrExit();
  const server = readLiveServerFile(config.store);
  let access: RefreshAccess;
  try {
    access = server ? throughServer(server) : await onItsOwn(config);
  } catch (error) {
    process.stderr.write(`${isAppError(error) ? error.message : String(error)}\n`);
    process.exit(1);
  }
  try {
    await run(command, access);
  } catch (error) {
    if (!isAppError(error, "invalid_input")) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } finally {
    await access.close();
  }
}

function parseCommand(args: string[]): Command {
  const [first, second, ...rest] = args;
  if (first === "export") {
    const { values } = parseArgs({ args: args.slice(1), options: { out: { type: "string" } }, strict: true });
    return { name: "export", out: values.out };
  }
  if (first === "waves" && second === "list" && rest.length === 0) return { name: "waves list" };
  if (first === "waves" && second === "add") {
    const { values } = parseArgs({
      args: rest,
      options: {
        name: { type: "string" },
        directorate: { type: "string", multiple: true },
        start: { type: "string" },
        end: { type: "string" },
        target: { type: "string" },
      },
      strict: true,
    });
    const { name, directorate, start, end, target } = values;
    if (!name || !directorate || !start || !end) throw new UsageError(t("refresh.cli.waveNeeds"));
    if (target !== undefined && !/^\d+$/.test(target)) {
      throw new UsageError(t("refresh.wave.badTarget", { value: target }));
    }
    return {
      name: "waves add",
      wave: {
        name,
        directorates: directorate,
        startsOn: start,
        endsOn: end,
        ...(target === undefined ? {} : { targetDevices: Number(target) }),
      },
    };
  }
  throw new UsageError(t("refresh.cli.unknownCommand", { command: args.join(" ") }));
}

async function run(command: Command, access: RefreshAccess) {
  if (command.name === "export") {
    const { csv, devices } = await access.dueDevicesCsv();
    if (command.out === undefined) {
      process.stdout.write(csv);
      return;
    }
    writeFileSync(command.out, csv);
    process.stdout.write(`${t("refresh.cli.exported", { count: devices, file: command.out })}\n`);
  } else if (command.name === "waves list") {
    const waves = await access.waves();
    if (waves.length === 0) process.stdout.write(`${t("refresh.cli.noWaves")}\n`);
    for (const wave of waves) {
      process.stdout.write(
        `${t("refresh.cli.wave", {
          ...wave,
          start: wave.startsOn,
          end: wave.endsOn,
          target: wave.targetDevices,
          directorates: wave.directorates.join(", "),
        })}\n`,
      );
    }
  } else {
    const wave = await access.addWave(command.wave);
    process.stdout.write(
      `${t("refresh.cli.waveAdded", {
        name: wave.name,
        directorates: wave.directorates.join(", "),
        start: wave.startsOn,
        end: wave.endsOn,
        target: wave.targetDevices,
      })}\n`,
    );
  }
}

async function onItsOwn(config: Config): Promise<RefreshAccess> {
  const store = await openOwnStore(config);
  const policy = config.refresh;
  return {
    dueDevicesCsv: () => dueDevicesCsv(store.db, policy, new Date()),
    waves: () => refreshWaveProgress(store.db, new Date()),
    addWave: (props) => createRefreshWave(store.db, props, policy, new Date()),
    close: () => store.close(),
  };
}

function throughServer(server: ServerFile): RefreshAccess {
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}/api/admin/refresh${path}`, {
      ...init,
      headers: { "content-type": "application/json", "x-admin-token": server.adminToken },
    });
    if (response.ok) return response;
    const body = await response.text();
    const refusal = response.status === 400 ? (JSON.parse(body) as { error?: { message?: string } }).error : undefined;
    if (refusal?.message) throw new AppError("invalid_input", refusal.message);
    throw new Error(t("refresh.cli.serverRefused", { status: response.status, detail: body }));
  };
  return {
    async dueDevicesCsv() {
      const response = await call("/due-devices.csv");
      return { csv: await response.text(), devices: Number(response.headers.get("x-device-count")) };
    },
    waves: async () => (await (await call("/waves")).json()) as WaveProgress[],
    addWave: async (props) =>
      (await (await call("/waves", { method: "POST", body: JSON.stringify(props) })).json()) as RefreshWave,
    close: async () => {},
  };
}

void main();
