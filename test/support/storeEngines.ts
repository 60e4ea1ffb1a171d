import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";
import { migrateToLatest } from "../../core/store/migrate";
import { openStore, type Store } from "../../core/store/openStore";

/** The PostgreSQL server the engine tests use; CI has one at this address. */
export const postgresAdminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return `${(error as Error).message || (error as NodeJS.ErrnoException).code}`;
  } finally {
    await client.end().catch(() => {});
  }
}

const postgresProblem = await probePostgres();
if (postgresProblem) {
  if (process.env.CI) {
    throw new Error(
      `CI must run the PostgreSQL engine tests, but ${postgresAdminUrl} is not reachable: ${postgresProblem}`,
    );
  }
  console.warn(`SKIPPING PostgreSQL engine tests: ${postgresAdminUrl} is not reachable (${postgresProblem}).`);
}

/** A fresh, empty PostgreSQL database that several stores (or processes) can open; drop() removes it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `icthub_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: postgresAdminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** A fresh, empty PostgreSQL database; closing the store drops it. */
async function openFreshPostgres(): Promise<Store> {
  const database = await freshPostgresDatabase();
  const store = await openStore({ engine: "postgres", url: database.url, poolMax: 5 });
  return {
    ...store,
    async close() {
      await store.close();
      await database.drop();
    },
  };
}

export type EngineName = "pglite" | "postgres";

/** Opens an empty store on the given engine (not migrated). */
export function openEmptyStore(engine: EngineName): Promise<Store> {
  return engine === "pglite" ? openStore({ engine: "pglite", dataDir: "memory://" }) : openFreshPostgres();
}

/** Opens a fresh store on the given engine with every migration applied. */
export async function openMigratedStore(engine: EngineName): Promise<Store> {
  const store = await openEmptyStore(engine);
  await migrateToLatest(store.db);
  return store;
}

/** A PostgreSQL URL for a fresh database, for tests that start the whole app on it. */
export const postgresReachable = postgresProblem === null;

/**
 * Declares the same specification once per engine. The PostgreSQL copy is
 * skipped, with a line saying why, only where no server is reachable and not in CI.
 */
export function describeOnEachEngine(title: string, body: (engine: EngineName) => void) {
  describe(`${title} (PGlite)`, () => body("pglite"));
  describe.skipIf(!postgresReachable)(`${title} (PostgreSQL)`, () => body("postgres"));
}
