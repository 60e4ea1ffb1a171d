import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Config } from "../config";
import { AppError, isAppError } from "../errors";
import type { Database } from "./database";
import { lockDataDir } from "./dataDirLock";
import { PGliteDialect } from "./pgliteDialect";

/** An open store: the typed query builder and how to close it. */
export type Store = {
  db: Kysely<Database>;
  engine: "pglite" | "postgres";
  /** Where the data lives, with no credentials, for logs and errors. */
  location: string;
  close(): Promise<void>;
};

/** PGlite's own files live here, beside other things the app keeps in DATA_DIR. */
export const pgliteDirectory = (dataDir: string) => join(dataDir, "pglite");

/**
 * Opens the configured store and checks that it answers. `memory://` as the
 * data folder gives a throwaway embedded database (tests).
 * @throws AppError store_locked, store_corrupt or store_unavailable, with a message for people.
 */
export async function openStore(config: Config["store"], credentials: StoreCredentials = {}): Promise<Store> {
  return config.engine === "pglite"
    ? openPGlite(config.dataDir)
    : openPostgres(config.url, config.poolMax, credentials.password);
}

/**
 * How to sign in beyond what DATABASE_URL says: a password fetched for each
 * new connection (an Entra token for a managed identity, which expires).
 */
export type StoreCredentials = { password?: () => Promise<string> };

async function openPGlite(dataDir: string): Promise<Store> {
  const inMemory = dataDir.startsWith("memory://");
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  const location = inMemory ? "memory" : pgliteDirectory(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(inMemory ? undefined : location, {
      // Same value shapes as the pg driver gives: see pgTypes below.
      parsers: { 20: Number, 1700: Number },
    });
    await pglite.query("select 1");
  } catch (error) {
    unlock();
    throw new AppError(
      "store_corrupt",
      `The embedded database in ${location} could not be opened (${describe(error)}). ` +
        "It may be damaged or from an incompatible version: move the folder aside to start afresh, or restore it from a backup.",
      { cause: error },
    );
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: "pglite",
    location,
    async close() {
      try {
        await db.destroy();
      } finally {
        unlock();
      }
    },
  };
}

/** int8 (counts) and numeric as numbers on both engines; values stay far below 2^53. */
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

async function openPostgres(url: string, poolMax: number, password?: () => Promise<string>): Promise<Store> {
  const location = redactedLocation(url);
  const pool = new pg.Pool({
    connectionString: url,
    ...(password ? { password } : {}),
    max: poolMax,
    connectionTimeoutMillis: 5_000,
    types: pgTypes,
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new AppError(
      "store_unavailable",
      `PostgreSQL at ${location} is not reachable (${describe(error)}). Check DATABASE_URL and that the server is running.`,
      { cause: error },
    );
  }
  return { db, engine: "postgres", location, close: () => db.destroy() };
}

/** host:port/database, never the user or password. */
export function redactedLocation(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

function describe(error: unknown): string {
  if (isAppError(error)) return error.message;
  const e = error as NodeJS.ErrnoException & { errors?: Error[] };
  const code = e.code ?? e.errors?.[0]?.message;
  const message = e.message || e.errors?.map((x) => x.message).join(", ") || String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
