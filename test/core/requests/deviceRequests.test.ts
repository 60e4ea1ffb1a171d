import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { approverFor } from "../../../core/requests/approvers";
import {
  advanceFulfilment,
  cancelRequest,
  decideRequest,
  type NewRequest,
  submitRequest,
} from "../../../core/requests/deviceRequests";
import { auditOf } from "../../../core/requests/requestAudit";
import { chaseUndecided } from "../../../core/requests/requestReminders";
import type { Person } from "../../../core/requests/requestTables";
import type { Db } from "../../../core/store/database";
import type { Store } from "../../../core/store/openStore";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";

/** A small directorate: a head, a manager reporting to them, and a member of staff; plus the chief executive. */
async function addPeople(db: Db) {
  const person = (name: string, department: string, managerId: string | null) => ({
    id: randomUUID(),
    user_principal_name: `${name.toLowerCase().replace(/\s+/g, ".")}@council.example`,
    display_name: name,
    department,
    manager_id: managerId,
    account_enabled: true,
    synced_at: new Date(),
  });
  const chief = person("Chris Chief", "Chief Executive's Office", null);
  const head = person("Hana Head", "Adult Social Care", chief.id);
  const manager = person("Mo Manager", "Adult Social Care", head.id);
  const staff = person("Sam Staff", "Adult Social Care", manager.id);
  const orphan = person("Oli Orphan", "Adult Social Care", null);
  const ict = person("Ira ICT", "Resources", null);
  await db.insertInto("directory_user").values([chief, head, manager, staff, orphan, ict]).execute();
  const as = (p: typeof chief): Person => ({ aadObjectId: p.id, name: p.display_name });
  return { chief: as(chief), head: as(head), manager: as(manager), staff: as(staff), orphan: as(orphan), ict: as(ict) };
}

const ictApprovers = ["ira.ict@council.example"];

describeOnEachEngine("device requests", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  async function setUp() {
    store = await openMigratedStore(engine);
    const people = await addPeople(store.db);
    const request = (overrides: Partial<NewRequest> = {}): NewRequest => ({
      requester: people.staff,
      kind: "standard-laptop",
      reason: "My laptop takes ten minutes to start",
      urgency: "normal",
      justification: null,
      currentDevices: [
        { id: "d1", name: "LT-0001", model: "Latitude 5490", state: "overdue", reason: "About 6 years old" },
      ],
      eligibleByPolicy: true,
      approval: { approvers: [people.manager], source: "manager" },
      ...overrides,
    });
    return { people, request, db: store.db };
  }

  it("goes to the line manager, else the directorate's head, else ICT's approvers", async () => {
    const { people, db } = await setUp();
    expect(await approverFor(db, people.staff.aadObjectId, ictApprovers)).toEqual({
      approvers: [people.manager],
      source: "manager",
    });
    expect(await approverFor(db, people.orphan.aadObjectId, ictApprovers)).toEqual({
      approvers: [people.head],
      source: "directorate-head",
    });
    expect(await approverFor(db, people.ict.aadObjectId, ictApprovers)).toEqual({
      approvers: [people.ict],
      source: "ict-approvers",
    });
  });

  it("needs a justification when no current device is due, and records which it was", async () => {
    const { request, db } = await setUp();
    await expect(submitRequest(db, request({ eligibleByPolicy: false }), "requester-card")).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/explain why/),
    });
    const justified = await submitRequest(
      db,
      request({ eligibleByPolicy: false, justification: "I now work in the field three days a week" }),
      "requester-card",
    );
    expect(justified).toMatchObject({ eligibility: "justified", status: "pending" });
    expect((await submitRequest(db, request(), "requester-card")).eligibility).toBe("policy");
  });

  it("lets only the approver decide, and tells anyone else who does", async () => {
    const { people, request, db } = await setUp();
    const submitted = await submitRequest(db, request(), "requester-card");
    await expect(
      decideRequest(db, {
        requestId: submitted.id,
        actor: people.staff,
        approve: true,
        comment: null,
        via: "approver-card",
      }),
    ).rejects.toMatchObject({ code: "forbidden", message: "Only Mo Manager can decide this request." });
    const decided = await decideRequest(db, {
      requestId: submitted.id,
      actor: people.manager,
      approve: true,
      comment: null,
      via: "approver-card",
    });
    expect(decided).toMatchObject({ status: "approved", decided_by_name: "Mo Manager" });
  });

  it("records exactly one decision when a hundred arrive at once", async () => {
    const { people, request, db } = await setUp();
    const submitted = await submitRequest(db, request(), "requester-card");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        decideRequest(db, {
          requestId: submitted.id,
          actor: people.manager,
          approve: i % 2 === 0,
          comment: i % 2 === 0 ? null : "Not this year",
          via: "approver-card",
        }),
      ),
    );
    const won = outcomes.filter((o) => o.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const lost of outcomes.filter((o) => o.status === "rejected")) {
      expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: "already_decided" });
    }
    const decisions = (await auditOf(db, submitted.id)).filter(
      (a) => a.action === "approved" || a.action === "rejected",
    );
    expect(decisions).toHaveLength(1);
  });

  it("refuses to cancel after the decision, saying why, and lets only the requester cancel", async () => {
    const { people, request, db } = await setUp();
    const pending = await submitRequest(db, request(), "requester-card");
    await expect(
      cancelRequest(db, { requestId: pending.id, actor: people.manager, via: "requester-card" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(
      await cancelRequest(db, { requestId: pending.id, actor: people.staff, via: "requester-card" }),
    ).toMatchObject({
      status: "cancelled",
    });

    const decided = await submitRequest(db, request(), "requester-card");
    await decideRequest(db, {
      requestId: decided.id,
      actor: people.manager,
      approve: false,
      comment: "Next wave",
      via: "approver-card",
    });
    await expect(
      cancelRequest(db, { requestId: decided.id, actor: people.staff, via: "requester-card" }),
    ).rejects.toMatchObject({
      code: "already_decided",
      message: expect.stringMatching(/already been decided \(rejected\)/),
    });
  });

  it("takes fulfilment steps in order, each once, and keeps every change in an append-only trail", async () => {
    const { people, request, db } = await setUp();
    const submitted = await submitRequest(db, request(), "bot-message");
    await expect(
      advanceFulfilment(db, { requestId: submitted.id, actor: people.ict, to: "ordered", via: "desk-card" }),
    ).rejects.toMatchObject({ code: "already_decided" });
    await decideRequest(db, {
      requestId: submitted.id,
      actor: people.manager,
      approve: true,
      comment: "Go ahead",
      via: "approver-card",
    });
    await expect(
      advanceFulfilment(db, { requestId: submitted.id, actor: people.ict, to: "ready", via: "desk-card" }),
    ).rejects.toMatchObject({ code: "already_decided" });
    for (const step of ["ordered", "ready", "deployed", "closed"] as const) {
      await advanceFulfilment(db, { requestId: submitted.id, actor: people.ict, to: step, via: "desk-card" });
    }
    const trail = await auditOf(db, submitted.id);
    expect(trail.map((a) => [a.action, a.from_status, a.to_status, a.via, a.actor_name])).toEqual([
      ["submitted", null, "pending", "bot-message", "Sam Staff"],
      ["approved", "pending", "approved", "approver-card", "Mo Manager"],
      ["ordered", "approved", "ordered", "desk-card", "Ira ICT"],
      ["ready", "ordered", "ready", "desk-card", "Ira ICT"],
      ["deployed", "ready", "deployed", "desk-card", "Ira ICT"],
      ["closed", "deployed", "closed", "desk-card", "Ira ICT"],
    ]);
    await expect(db.updateTable("device_request_audit").set({ action: "forged" }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom("device_request_audit").execute()).rejects.toThrow(/append-only/);
  });

  it("reminds the approver after two working days and escalates to their manager after five", async () => {
    const { people, request, db } = await setUp();
    const submitted = await submitRequest(db, request(), "requester-card");
    // Asked on a Friday morning.
    const friday = new Date("2026-11-20T09:00:00Z");
    await db.updateTable("device_request").set({ asked_at: friday }).where("id", "=", submitted.id).execute();
    const policy = { remindAfterWorkingDays: 2, escalateAfterWorkingDays: 5, ictApprovers };

    expect(await chaseUndecided(db, new Date("2026-11-23T10:00:00Z"), policy)).toEqual([]); // Monday: one working day
    const tuesday = await chaseUndecided(db, new Date("2026-11-24T10:00:00Z"), policy);
    expect(tuesday.map((a) => a.kind)).toEqual(["remind"]);
    expect(await chaseUndecided(db, new Date("2026-11-25T10:00:00Z"), policy)).toEqual([]); // reminded once only

    const nextFriday = await chaseUndecided(db, new Date("2026-11-27T10:00:00Z"), policy);
    expect(nextFriday).toMatchObject([{ kind: "escalate", previous: [people.manager] }]);
    expect(nextFriday[0]?.request).toMatchObject({
      approvers: [people.head],
      approver_source: "escalation",
      escalations: 1,
    });
    await expect(
      decideRequest(db, {
        requestId: submitted.id,
        actor: people.manager,
        approve: true,
        comment: null,
        via: "approver-card",
      }),
    ).rejects.toMatchObject({ code: "forbidden", message: "Only Hana Head can decide this request." });
  });

  it("acts on a request once when two instances chase at the same moment", async () => {
    const { request, db } = await setUp();
    const submitted = await submitRequest(db, request(), "requester-card");
    await db
      .updateTable("device_request")
      .set({ asked_at: new Date("2026-11-16T09:00:00Z") })
      .where("id", "=", submitted.id)
      .execute();
    const policy = { remindAfterWorkingDays: 2, escalateAfterWorkingDays: 5, ictApprovers };
    const at = new Date("2026-11-19T09:30:00Z");
    const [a, b] = await Promise.all([chaseUndecided(db, at, policy), chaseUndecided(db, at, policy)]);
    expect([...(a ?? []), ...(b ?? [])]).toHaveLength(1);
  });
});

describe("working days", () => {
  it("are not counted over a weekend", async () => {
    const { workingDaysBetween } = await import("../../../core/requests/workingDays");
    expect(workingDaysBetween(new Date("2026-11-20T15:00:00Z"), new Date("2026-11-23T15:00:00Z"))).toBe(1);
    expect(workingDaysBetween(new Date("2026-11-20T15:00:00Z"), new Date("2026-11-23T14:59:00Z"))).toBe(0);
    expect(workingDaysBetween(new Date("2026-11-16T09:00:00Z"), new Date("2026-11-23T09:00:00Z"))).toBe(5);
  });
});
