import { type Kysely, type MigrationResultSet, Migrator } from "kysely";
import { AppError } from "../errors";
import type { Database } from "./database";
import { migrations } from "./migrations";

const migratorFor = (db: Kysely<Database>) => new Migrator({ db, provider: { getMigrations: async () => migrations } });

/**
 * Brings the schema to the newest migration. Safe on several instances at once:
 * Kysely holds a lock while it migrates.
 * @throws AppError store_unavailable when a migration fails (the transaction is rolled back).
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results }: MigrationResultSet = await migratorFor(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new AppError(
      "store_unavailable",
      `Migration ${failed} failed: ${String((error as Error).message ?? error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Names of the migrations this build has that the store has not applied. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const all = await migratorFor(db).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
