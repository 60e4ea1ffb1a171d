import { request as httpsRequest } from "node:https";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DevChannelDriver, type DevUser } from "../../bot/devchannel/driver";
import { type DevChannel, startDevChannel } from "../../bot/devchannel/startDevChannel";
import { migrateToLatest } from "../../core/store/migrate";
import { openStore, type Store } from "../../core/store/openStore";
import { freePort, type ServerProcess, spawnServer, waitFor } from "../support/process";
import { freshPostgresDatabase, postgresReachable } from "../support/storeEngines";
import { cardsIn, textsIn } from "../support/transcriptReading";

const deskChannel = "19:servicedesk@thread.tacv2";
/** Every leased job's interval in these processes (TEST_JOB_INTERVAL_SECONDS), and the lease. */
const intervalSeconds = 2;
const leaseSeconds = 4;
const syncJobs = ["sync-users", "sync-devices", "sync-sites", "sync-reports"];
const quickJobs = ["approval-reminders", "pulses"];

type Instance = {
  name: string;
  server: ServerProcess;
  url: string;
  devTenantPort: number;
  driver: DevChannelDriver;
  /** Its id in app_instance and job leases. */
  id: string;
};

type Card = {
  body?: { type: string; id?: string }[];
  actions?: { title: string; verb?: string; data?: Record<string, unknown> }[];
  refresh?: { action: { verb: string; data: Record<string, unknown> } };
};
type InvokeBody = { statusCode: number; value: Card };

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** What the bot sent, without what differs by nature from one activity to the next (ids, times). */
const comparable = (value: unknown): string =>
  JSON.stringify(value, (key, v) => (["id", "timestamp", "localTimestamp", "replyToId"].includes(key) ? undefined : v))
    .replace(uuid, "<uuid>")
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "<time>");

/** Sets the in-process dev tenant's faults (its loopback admin route; its certificate is made at start). */
function setDevTenantLatency(port: number, latencyMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: "127.0.0.1",
        port,
        path: "/_admin/faults",
        method: "POST",
        rejectUnauthorized: false,
        headers: { "content-type": "application/json" },
      },
      (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`faults: ${res.statusCode}`))));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ latencyMs }));
  });
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe.skipIf(!postgresReachable)("two app instances sharing one PostgreSQL database", () => {
  let channel: DevChannel;
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let store: Store;
  const instances: Instance[] = [];

  const startInstance = async (name: string): Promise<Instance> => {
    const port = await freePort();
    const devTenantPort = await freePort();
    const server = spawnServer({
      PORT: String(port),
      DEV_TENANT_PORT: String(devTenantPort),
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: "5",
      WORKERS_ENABLED: "true",
      GRAPH_SYNC_SCHEDULED: "true",
      TEST_JOB_INTERVAL_SECONDS: String(intervalSeconds),
      JOB_LEASE_SECONDS: String(leaseSeconds),
      SERVICE_DESK_CHANNEL_ID: deskChannel,
      // One address for the app, as behind a load balancer: links in answers name it, not the instance.
      PUBLIC_URL: "http://localhost:3978",
      SHUTDOWN_GRACE_MS: "1000",
      LOG_LEVEL: "warn",
    });
    const url = `http://127.0.0.1:${port}`;
    const driver = new DevChannelDriver({
      botEndpoint: `${url}/api/messages`,
      serviceUrl: channel.serviceUrl,
      connector: channel.connector,
    });
    return { name, server, url, devTenantPort, driver, id: "" };
  };

  beforeAll(async () => {
    channel = await startDevChannel({ botEndpoint: "http://127.0.0.1:9/api/messages" });
    channel.connector.openConversation(deskChannel);
    database = await freshPostgresDatabase();
    store = await openStore({ engine: "postgres", url: database.url, poolMax: 3 });
    await migrateToLatest(store.db);
    instances.push(await startInstance("A"), await startInstance("B"));
    for (const instance of instances) {
      try {
        await waitFor(`${instance.url}/healthz`, 60_000);
      } catch (error) {
        throw new Error(`instance ${instance.name} did not start: ${instance.server.stderr()}`, { cause: error });
      }
      const row = await until(`instance ${instance.name}'s heartbeat`, 30_000, () =>
        store.db
          .selectFrom("app_instance")
          .select("id")
          .where("pid", "=", instance.server.child.pid ?? -1)
          .executeTakeFirst(),
      );
      instance.id = row.id;
    }
    // The first syncs run at once, on whichever instance claims them.
    await until("the first users and devices syncs", 60_000, async () => {
      const synced = await store.db
        .selectFrom("sync_state")
        .select("name")
        .where("name", "in", ["users", "devices"])
        .where("last_success_at", "is not", null)
        .execute();
      return synced.length === 2;
    });
  }, 150_000);

  afterAll(async () => {
    for (const instance of instances) instance.server.child.kill("SIGKILL");
    await Promise.all(instances.map((i) => i.server.exited));
    await store?.close();
    await database?.drop();
    await channel?.stop();
  });

  const [a, b] = [() => instances[0] as Instance, () => instances[1] as Instance];
  const chatOf = (user: DevUser) => a().driver.personalConversationId(user);
  const delivered = (user: DevUser) => channel.connector.transcript.delivered(chatOf(user));

  it("answers the same message the same through either instance, and welcomes a person once", async () => {
    const person = await store.db
      .selectFrom("directory_user")
      .select(["id", "display_name"])
      .orderBy("display_name")
      .executeTakeFirstOrThrow();
    const user = a().driver.user(person.display_name, person.id);

    await a().driver.install(user);
    const afterFirstInstall = delivered(user).length;
    expect(afterFirstInstall).toBeGreaterThan(0);
    // Teams sends the install events again (say, from another client): the other instance does not welcome twice.
    await b().driver.install(user);
    expect(delivered(user)).toHaveLength(afterFirstInstall);

    const answers: string[] = [];
    for (const instance of [a(), b(), a()]) {
      const before = delivered(user).length;
      const response = await instance.driver.message(user, "How do I reset my password?");
      expect(response.status).toBe(200);
      const reply = delivered(user).slice(before);
      expect(reply.length).toBeGreaterThan(0);
      answers.push(comparable(reply.map((e) => e.body)));
    }
    expect(answers[0]).toMatch(/password/i);
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
    const logged = await store.db
      .selectFrom("selfhelp_question")
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    expect(logged.n).toBe(3);
  });

  it("takes a device request made through one instance, decided through the other, and shows it the same through both", async () => {
    const chain = await store.db
      .selectFrom("directory_user as staff")
      .innerJoin("directory_user as boss", "boss.id", "staff.manager_id")
      .innerJoin("managed_device", "managed_device.user_id", "staff.id")
      .select([
        "staff.id as staffId",
        "staff.display_name as staffName",
        "boss.id as bossId",
        "boss.display_name as bossName",
      ])
      .where("managed_device.removed_at", "is", null)
      .orderBy("staff.display_name", "desc")
      .executeTakeFirstOrThrow();
    const requester = a().driver.user(chain.staffName, chain.staffId);
    const manager = b().driver.user(chain.bossName, chain.bossId);
    await a().driver.install(requester);
    await b().driver.install(manager);

    await a().driver.message(requester, "I need a new laptop");
    const form = cardsIn<Card>(channel.connector.transcript, chatOf(requester)).at(-1);
    expect(JSON.stringify(form?.card)).toContain("Request a device");
    const justification = form?.card.body?.some((x) => x.id === "justification")
      ? { justification: "My battery lasts an hour" }
      : {};
    const submitted = (
      (
        await a().driver.cardAction(
          requester,
          {
            verb: "request.submit",
            data: { kind: "standard-laptop", reason: "The screen has cracked", urgency: "normal", ...justification },
          },
          form?.activityId,
        )
      ).body as InvokeBody
    ).value;
    const requestId = Number(submitted.actions?.find((x) => x.verb === "request.cancel")?.data?.requestId);
    expect(requestId).toBeGreaterThan(0);

    const approval = await until("the approval card in the manager's chat", 20_000, async () =>
      cardsIn<Card>(channel.connector.transcript, chatOf(manager)).find((c) =>
        c.card.actions?.some((x) => x.verb === "request.approve"),
      ),
    );
    const approved = (
      (
        await b().driver.cardAction(
          manager,
          { verb: "request.approve", data: { requestId, comment: "Of course" } },
          approval.activityId,
        )
      ).body as InvokeBody
    ).value;
    expect(JSON.stringify(approved)).toContain(`Approved by ${manager.name}`);
    // A second press, through the other instance, changes nothing: one decision wins.
    const again = (
      (
        await a().driver.cardAction(
          manager,
          { verb: "request.approve", data: { requestId, comment: "Twice" } },
          approval.activityId,
        )
      ).body as InvokeBody
    ).value;
    expect(JSON.stringify(again)).toContain(`Approved by ${manager.name}`);

    const view = submitted.refresh?.action;
    expect(view?.verb).toBe("request.view");
    const seen = await Promise.all(
      [a(), b()].map(async (instance) =>
        comparable(
          ((await instance.driver.cardAction(requester, view ?? { verb: "request.view" })).body as InvokeBody).value,
        ),
      ),
    );
    expect(seen[0]).toContain(`Approved by ${manager.name}`);
    expect(seen[1]).toBe(seen[0]);

    const audit = await store.db
      .selectFrom("device_request_audit")
      .select("action")
      .where("request_id", "=", requestId)
      .orderBy("id")
      .execute();
    expect(audit.filter((x) => x.action === "approved")).toHaveLength(1);
    await until("the requester told of the approval", 20_000, async () =>
      textsIn(channel.connector.transcript, chatOf(requester)).some((t) => t.includes(`approved by ${manager.name}`)),
    );
  });

  it("runs each scheduled job once per due time, never on both instances at once", async () => {
    const jobRuns = () =>
      store.db
        .selectFrom("job_run")
        .select(["job", "slot", "holder", "outcome", "started_at", "finished_at"])
        .execute();
    await until("several due times of every quick job", 60_000, async () => {
      const runs = await jobRuns();
      return quickJobs.every((job) => runs.filter((r) => r.job === job && r.finished_at !== null).length >= 4);
    });

    // Read in this order, each sync's runs bound its recorded sync runs: finished ≤ sync_run ≤ claimed.
    const finishedBefore = await jobRuns();
    const syncRuns = await store.db.selectFrom("sync_run").select("name").execute();
    const runs = await jobRuns();

    const ids = instances.map((i) => i.id);
    for (const job of [...quickJobs, ...syncJobs]) {
      const ofJob = runs.filter((r) => r.job === job).sort((x, y) => x.started_at.getTime() - y.started_at.getTime());
      expect(ofJob.length, job).toBeGreaterThan(0);
      // Once per due time.
      const slots = ofJob.map((r) => r.slot);
      expect(new Set(slots).size, `${job} ran a due time twice: ${slots}`).toBe(slots.length);
      // Never two at once: each run started after the one before it finished.
      for (let i = 1; i < ofJob.length; i++) {
        const previous = ofJob[i - 1];
        expect(previous?.finished_at, job).not.toBeNull();
        expect(ofJob[i]?.started_at.getTime(), job).toBeGreaterThanOrEqual(previous?.finished_at?.getTime() ?? 0);
      }
      expect(ofJob.every((r) => ids.includes(r.holder) && r.outcome !== "abandoned")).toBe(true);
    }
    for (const job of quickJobs) {
      expect(runs.filter((r) => r.job === job && r.outcome === "succeeded").length, job).toBeGreaterThanOrEqual(4);
    }
    for (const job of syncJobs) {
      const name = job.replace("sync-", "");
      const finished = finishedBefore.filter((r) => r.job === job && r.finished_at !== null).length;
      const claimed = runs.filter((r) => r.job === job).length;
      const recorded = syncRuns.filter((r) => r.name === name).length;
      expect(recorded, `${name}: every finished scheduled run ran the sync`).toBeGreaterThanOrEqual(finished);
      expect(recorded, `${name}: no sync ran without a claimed due time`).toBeLessThanOrEqual(claimed);
    }
    // Both instances asked for every due time, and each won some: the jobs are shared out.
    const byHolder = instances.map((i) => runs.filter((r) => r.holder === i.id).length);
    console.info(`job runs by instance: ${instances.map((i, n) => `${i.name} ${byHolder[n]}`).join(", ")}`);
    expect(byHolder.every((n) => n > 0)).toBe(true);
  });

  it("lets the other instance finish a sync when the instance running it is killed", async () => {
    // Slow Graph down on both dev tenants, so that the next devices sync is still running when its holder dies.
    for (const instance of instances) await setDevTenantLatency(instance.devTenantPort, 5_000);
    const { rows } = await sql<{ now: Date }>`select now() as now`.execute(store.db);
    const since = rows[0]?.now as Date;
    const running = await until("a devices sync under way", 30_000, () =>
      store.db
        .selectFrom("job_run")
        .selectAll()
        .where("job", "=", "sync-devices")
        .where("started_at", ">", since)
        .where("finished_at", "is", null)
        .executeTakeFirst(),
    );
    const victim = instances.find((i) => i.id === running.holder) as Instance;
    const survivor = instances.find((i) => i !== victim) as Instance;
    expect(victim).toBeDefined();
    victim.server.child.kill("SIGKILL");
    await victim.server.exited;
    const killedAt = Date.now();
    const { lease_until: leaseRanOut } = await store.db
      .selectFrom("job_lease")
      .select("lease_until")
      .where("job", "=", "sync-devices")
      .executeTakeFirstOrThrow();
    await setDevTenantLatency(survivor.devTenantPort, 0);

    const finished = await until("the survivor to finish the devices sync", 45_000, () =>
      store.db
        .selectFrom("job_run")
        .selectAll()
        .where("job", "=", "sync-devices")
        .where("slot", "=", running.slot)
        .where("holder", "=", survivor.id)
        .where("outcome", "=", "succeeded")
        .executeTakeFirst(),
    );
    expect(finished.took_over_from).toBe(victim.id);
    // Not before the dead holder's lease had run out.
    expect(finished.started_at.getTime()).toBeGreaterThanOrEqual(leaseRanOut.getTime());
    const ofDueTime = await store.db
      .selectFrom("job_run")
      .select(["holder", "outcome"])
      .where("job", "=", "sync-devices")
      .where("slot", "=", running.slot)
      .orderBy("id")
      .execute();
    expect(ofDueTime).toEqual([
      { holder: victim.id, outcome: "abandoned" },
      { holder: survivor.id, outcome: "succeeded" },
    ]);
    const devices = await store.db
      .selectFrom("sync_state")
      .select(["lease_holder", "last_success_at"])
      .where("name", "=", "devices")
      .executeTakeFirstOrThrow();
    // Free, or held by the survivor for its next due time (one comes every couple of seconds): never the dead one's.
    expect([null, survivor.id]).toContain(devices.lease_holder);
    expect(devices.last_success_at?.getTime()).toBeGreaterThanOrEqual(finished.started_at.getTime());

    // The survivor carries on with every due time alone.
    const later = await until("a later due time run by the survivor", 20_000, () =>
      store.db
        .selectFrom("job_run")
        .select("slot")
        .where("job", "=", "approval-reminders")
        .where("holder", "=", survivor.id)
        .where("started_at", ">", new Date(killedAt))
        .where("outcome", "=", "succeeded")
        .executeTakeFirst(),
    );
    expect(later.slot).toBeGreaterThan(0);
  });
});
