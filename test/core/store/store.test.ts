import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  claimWelcome,
  findPersonalConversation,
  recordConversation,
  recordUninstall,
} from "../../../core/conversations/conversationRepository";
import { isAppError } from "../../../core/errors";
import { migrateToLatest, pendingMigrations } from "../../../core/store/migrate";
import { migrations } from "../../../core/store/migrations";
import { openStore, pgliteDirectory, type Store } from "../../../core/store/openStore";
import { aConversationSeen } from "../../support/factories";
import { describeOnEachEngine, openEmptyStore, openMigratedStore } from "../../support/storeEngines";

describeOnEachEngine("the store", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  it("applies every migration to an empty database, and a second run applies none", async () => {
    store = await openEmptyStore(engine);
    expect(await pendingMigrations(store.db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(store.db)).toEqual(Object.keys(migrations));
    expect(await pendingMigrations(store.db)).toEqual([]);
    expect(await migrateToLatest(store.db)).toEqual([]);
  });

  it("keeps the newest reference for a conversation and finds a person's 1:1 chat by Entra id", async () => {
    store = await openMigratedStore(engine);
    const seen = aConversationSeen();
    await recordConversation(store.db, seen);
    const moved = { ...seen, reference: { ...seen.reference, serviceUrl: "https://smba.example/uk/" } };
    await recordConversation(store.db, moved);

    const found = await findPersonalConversation(store.db, seen.user?.aadObjectId as string);
    expect(found?.service_url).toBe("https://smba.example/uk/");
    expect(found?.reference).toEqual(moved.reference);
    const count = await store.db
      .selectFrom("bot_conversation")
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it("grants the welcome exactly once when many instances claim it at the same moment", async () => {
    store = await openMigratedStore(engine);
    const seen = aConversationSeen();
    await recordConversation(store.db, seen);
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => claimWelcome(store.db, seen.reference.conversation.id)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("stops offering a conversation after an uninstall and welcomes again after a reinstall", async () => {
    store = await openMigratedStore(engine);
    const seen = aConversationSeen();
    const id = seen.reference.conversation.id;
    await recordConversation(store.db, seen);
    expect(await claimWelcome(store.db, id)).toBe(true);
    await recordUninstall(store.db, id);
    expect(await findPersonalConversation(store.db, seen.user?.aadObjectId as string)).toBeUndefined();
    await recordConversation(store.db, seen);
    expect(await claimWelcome(store.db, id)).toBe(true);
  });

  it("rolls back a transaction that fails part-way", async () => {
    store = await openMigratedStore(engine);
    const seen = aConversationSeen();
    await expect(
      store.db.transaction().execute(async (trx) => {
        await recordConversation(trx, seen);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await store.db.selectFrom("bot_conversation").selectAll().execute();
    expect(rows).toEqual([]);
  });
});

describe("the embedded store's data folder", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "icthub-data-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second opener while the first holds the folder, and lets it in after", async () => {
    const first = await openStore({ engine: "pglite", dataDir: dir });
    const second = await openStore({ engine: "pglite", dataDir: dir }).catch((e: unknown) => e);
    expect(isAppError(second, "store_locked")).toBe(true);
    expect((second as Error).message).toContain(`process ${process.pid}`);
    await first.close();
    const third = await openStore({ engine: "pglite", dataDir: dir });
    await third.close();
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    writeFileSync(
      join(dir, "ict-hub.lock"),
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        host: (await import("node:os")).hostname(),
        since: "2026-01-01T00:00:00Z",
      }),
    );
    const store = await openStore({ engine: "pglite", dataDir: dir });
    await store.close();
  });

  it("reports a damaged database as store_corrupt with what to do, and frees the lock", async () => {
    const store = await openStore({ engine: "pglite", dataDir: dir });
    await store.close();
    writeFileSync(join(pgliteDirectory(dir), "global", "pg_control"), "not a control file");
    const error = await openStore({ engine: "pglite", dataDir: dir }).catch((e: unknown) => e);
    expect(isAppError(error, "store_corrupt")).toBe(true);
    expect((error as Error).message).toMatch(/could not be opened.*move the folder aside/);
    const again = await openStore({ engine: "pglite", dataDir: dir }).catch((e: unknown) => e);
    expect(isAppError(again, "store_corrupt")).toBe(true);
  });
});

describe("an unreachable PostgreSQL", () => {
  it("is reported as store_unavailable naming host and port but never the password", async () => {
    const error = await openStore({
      engine: "postgres",
      url: "postgres://ict:s3cret-pw@127.0.0.1:1/ict",
      poolMax: 1,
    }).catch((e: unknown) => e);
    expect(isAppError(error, "store_unavailable")).toBe(true);
    expect((error as Error).message).toContain("127.0.0.1:1/ict");
    expect((error as Error).message).toContain("ECONNREFUSED");
    expect((error as Error).message).not.toContain("s3cret-pw");
  });
});
