import { afterEach, expect, it } from "vitest";
import { isAppError } from "../../../core/errors";
import { newQuestionId, recordFeedback, recordQuestion } from "../../../core/servicedesk/questionLog";
import {
  deflectionByWeek,
  ticketSummary,
  topTopics,
  unansweredQuestions,
} from "../../../core/servicedesk/selfhelpStats";
import {
  addTicketNote,
  assignTicket,
  notesOf,
  raiseTicket,
  rateTicket,
  resolveTicket,
  ticketReference,
  ticketsOf,
} from "../../../core/servicedesk/tickets";
import type { Store } from "../../../core/store/openStore";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";

const requester = { aadObjectId: "req-1", name: "Siân Evans" };
const agent = { aadObjectId: "agent-1", name: "Dev Patel" };
const other = { aadObjectId: "agent-2", name: "Jo Bloggs" };

const errorCode = (promise: Promise<unknown>) =>
  promise.then(
    () => "none",
    (e: unknown) => (isAppError(e) ? e.code : String(e)),
  );

const aTicket = (store: Store) =>
  raiseTicket(store.db, {
    requester,
    conversationId: "a:chat",
    subject: "Printer queue stuck",
    transcript: [{ at: "2026-11-23T10:00:00Z", from: "user", text: "printer queue stuck" }],
    source: "talk-to-human",
  });

describeOnEachEngine("service-desk tickets", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  it("goes from open to assigned to resolved, and the requester rates it once", async () => {
    store = await openMigratedStore(engine);
    const ticket = await aTicket(store);
    expect(ticket.status).toBe("open");
    expect(ticketReference(ticket.id)).toMatch(/^ICT-0000\d\d$/);

    expect((await assignTicket(store.db, ticket.id, agent)).status).toBe("assigned");
    await addTicketNote(store.db, ticket.id, agent, "Cleared the queue remotely");
    const resolved = await resolveTicket(store.db, ticket.id, agent, "Queue cleared");
    expect(resolved).toMatchObject({ status: "resolved", resolution: "Queue cleared", assignee_name: "Dev Patel" });
    expect((await notesOf(store.db, ticket.id)).map((n) => n.text)).toEqual(["Cleared the queue remotely"]);

    await rateTicket(store.db, ticket.id, requester.aadObjectId, 5);
    expect(await errorCode(rateTicket(store.db, ticket.id, requester.aadObjectId, 1))).toBe("already_decided");
    expect((await ticketsOf(store.db, requester.aadObjectId))[0]?.satisfaction).toBe(5);
  });

  it("resolves once even when two agents press Resolve together", async () => {
    store = await openMigratedStore(engine);
    const ticket = await aTicket(store);
    const outcomes = await Promise.all([
      errorCode(resolveTicket(store.db, ticket.id, agent, null)),
      errorCode(resolveTicket(store.db, ticket.id, other, null)),
    ]);
    expect(outcomes.sort()).toEqual(["already_decided", "none"]);
  });

  it("refuses a rating from anyone but the requester, before resolution, or out of range", async () => {
    store = await openMigratedStore(engine);
    const ticket = await aTicket(store);
    expect(await errorCode(rateTicket(store.db, ticket.id, requester.aadObjectId, 4))).toBe("already_decided");
    await resolveTicket(store.db, ticket.id, agent, null);
    expect(await errorCode(rateTicket(store.db, ticket.id, "someone-else", 4))).toBe("forbidden");
    expect(await errorCode(rateTicket(store.db, ticket.id, requester.aadObjectId, 6))).toBe("invalid_input");
    expect(await errorCode(assignTicket(store.db, ticket.id, other))).toBe("already_decided");
    expect(await errorCode(addTicketNote(store.db, ticket.id, agent, "late"))).toBe("already_decided");
    expect(await errorCode(assignTicket(store.db, 99_999, agent))).toBe("not_found");
  });
});

describeOnEachEngine("self-help statistics", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  it("counts deflection, top topics, unanswered questions and ticket outcomes", async () => {
    store = await openMigratedStore(engine);
    const ask = async (question: string, confidence: "high" | "medium" | "none", article?: string) => {
      const id = newQuestionId();
      await recordQuestion(store.db, {
        id,
        userAadId: requester.aadObjectId,
        conversationId: "a:chat",
        question,
        confidence,
        results: article ? [{ id: article, score: 12 }] : [],
      });
      return id;
    };
    await ask("printer jammed", "high", "printing");
    await ask("printer offline", "high", "printing");
    const notQuite = await ask("wifi slow", "high", "wifi");
    await recordFeedback(store.db, notQuite, requester.aadObjectId, "not_quite");
    await ask("council tax bill", "none");
    const escalated = await ask("vpn broken", "medium", "vpn-remote-access");
    const ticket = await raiseTicket(store.db, {
      requester,
      conversationId: "a:chat",
      subject: "vpn",
      transcript: [],
      source: "not-helped",
      questionId: escalated,
    });
    await resolveTicket(store.db, ticket.id, agent, null);
    await rateTicket(store.db, ticket.id, requester.aadObjectId, 4);

    const since = new Date(Date.now() - 7 * 86_400_000);
    const [week] = await deflectionByWeek(store.db, since);
    expect(week).toMatchObject({ questions: 5, deflected: 2, deflectionRate: 0.4 });
    expect((await topTopics(store.db, since))[0]).toEqual({ articleId: "printing", questions: 2 });
    expect((await unansweredQuestions(store.db, since)).map((q) => q.question)).toEqual(["council tax bill"]);
    expect(await ticketSummary(store.db, since)).toMatchObject({
      raised: 1,
      open: 0,
      resolved: 1,
      meanSatisfaction: 4,
      ratings: 1,
    });
    expect(await errorCode(recordFeedback(store.db, notQuite, "someone-else", "helped"))).toBe("forbidden");
    expect(await errorCode(recordFeedback(store.db, notQuite, requester.aadObjectId, "helped"))).toBe(
      "already_decided",
    );
  });
});
