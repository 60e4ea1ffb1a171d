import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Config, loadConfig } from "../core/config";

type StoreConfig = Config["store"];

export type BenchEngine = StoreConfig["engine"];

/** The engine a benchmark was asked for: `--engine postgres`, else the embedded default. */
export const benchEngine = (flag: string | undefined): BenchEngine => (flag === "postgres" ? "postgres" : "pglite");

export const engineName = (engine: BenchEngine) => (engine === "postgres" ? "PostgreSQL" : "embedded PGlite");

/**
 * A store a benchmark may fill and throw away: a new PGlite folder, or a new
 * database on BENCH_DATABASE_URL's server (default the local test server).
 */
export async function throwawayStore(engine: BenchEngine): Promise<{ config: StoreConfig; drop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "icthub-bench-"));
  if (engine === "pglite") {
    return {
      config: { engine, dataDir: join(dir, "data") },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const database = `icthub_bench_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return {
    config: { engine, url: url.toString(), poolMax: 10 },
    async drop() {
      await admin.query(`drop database ${database} with (force)`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The app's configuration for a benchmark: the throwaway store, a small dev council, no workers, no logs. */
export function benchAppConfig(
  store: StoreConfig,
  council: { staff: number; devices: number },
  env: Record<string, string> = {},
): Config {
  return loadConfig({
    PORT: "0",
    ...(store.engine === "postgres" ? { DATABASE_URL: store.url } : { DATA_DIR: store.dataDir }),
    WORKERS_ENABLED: "false",
    DEV_TENANT_STAFF: String(council.staff),
    DEV_TENANT_DEVICES: String(council.devices),
    LOG_LEVEL: "silent",
    ...env,
  });
}
