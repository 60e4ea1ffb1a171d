import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../core/config";

/** How a CLI on this machine reaches the server that holds the embedded store. */
export type ServerFile = { pid: number; url: string; adminToken: string };

const pathFor = (store: Config["store"]) =>
  store.engine === "pglite" && !store.dataDir.startsWith("memory://") ? join(store.dataDir, "server.json") : null;

/** Written only beside an embedded store: PostgreSQL can be opened by any process. */
export function writeServerFile(store: Config["store"], file: ServerFile) {
  const path = pathFor(store);
  if (path) writeFileSync(path, JSON.stringify(file), { mode: 0o600 });
}

export function removeServerFile(store: Config["store"]) {
  const path = pathFor(store);
  if (path) rmSync(path, { force: true });
}

/** The running server's file, if there is one and its process is alive. */
export function readLiveServerFile(store: Config["store"]): ServerFile | null {
  const path = pathFor(store);
  if (!path) return null;
  try {
    const file = JSON.parse(readFileSync(path, "utf8")) as ServerFile;
    process.kill(file.pid, 0);
    return file;
  } catch {
    return null;
  }
}
