import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevUser } from "../../bot/devchannel/driver";
import { startTestApp, type TestApp } from "../support/testApp";
import { cardsIn as cardsInTranscript, textsIn as textsInTranscript } from "../support/transcriptReading";

const deskChannel = "19:servicedesk@thread.tacv2";

type Card = {
  type: string;
  body?: { text?: string; facts?: { title: string; value: string }[] }[];
  actions?: { title: string; verb?: string; data?: Record<string, unknown> }[];
};
type InvokeBody = { statusCode: number; type: string; value: Card };

const cardText = (card: Card | undefined) => JSON.stringify(card ?? {});

describe("self-help and the service desk, through the dev channel", () => {
  let t: TestApp;
  let priya: DevUser;
  let agent: DevUser;

  beforeAll(async () => {
    t = await startTestApp({ SERVICE_DESK_CHANNEL_ID: deskChannel });
    t.channel.connector.openConversation(deskChannel);
    priya = t.channel.driver.user("Priya Shah");
    agent = t.channel.driver.user("Dev Patel");
  });
  afterAll(() => t.stop());

  const cardsIn = (conversationId: string) => cardsInTranscript<Card>(t.channel.connector.transcript, conversationId);
  const textsIn = (conversationId: string) => textsInTranscript(t.channel.connector.transcript, conversationId);
  const lastCard = (user: DevUser) => cardsIn(t.channel.driver.personalConversationId(user)).at(-1)?.card;
  const actionOf = (card: Card | undefined, verb: string) => card?.actions?.find((a) => a.verb === verb);

  it("answers a question with the article, and stores that it helped", async () => {
    await t.channel.driver.message(priya, "I've forgotten my password and can't log in");
    const card = lastCard(priya);
    expect(cardText(card)).toMatch(/password/i);
    expect(card?.actions?.map((a) => a.title)).toEqual([
      "Read the full article",
      "That helped",
      "Not quite",
      "Talk to someone",
    ]);

    const helped = actionOf(card, "selfhelp.helped");
    const response = await t.channel.driver.cardAction(priya, { verb: "selfhelp.helped", data: helped?.data ?? {} });
    expect(
      (response.body as InvokeBody).value.body?.[0]?.text ?? cardText((response.body as InvokeBody).value),
    ).toMatch(/Glad that helped/);
    const row = await t.app.store.db
      .selectFrom("selfhelp_question")
      .select(["feedback", "top_article_id"])
      .orderBy("asked_at", "desc")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ feedback: "helped", top_article_id: "password-reset" });
  });

  it("refuses feedback from someone who did not ask, on the card itself", async () => {
    await t.channel.driver.message(priya, "how do I set up my out of office");
    const data = actionOf(lastCard(priya), "selfhelp.helped")?.data ?? {};
    const response = await t.channel.driver.cardAction(agent, { verb: "selfhelp.helped", data });
    expect(cardText((response.body as InvokeBody).value)).toMatch(/Only/);
  });

  it("says it has no answer to a question that is not about ICT, and offers a person", async () => {
    await t.channel.driver.message(priya, "when is my council tax due");
    const card = lastCard(priya);
    expect(cardText(card)).toMatch(/couldn't find an answer/);
    expect(card?.actions?.map((a) => a.verb)).toEqual(["selfhelp.talk"]);
  });

  it("escalates to the desk channel, where assign, note and resolve update the card and tell the requester, who then rates it", async () => {
    const chat = t.channel.driver.personalConversationId(priya);
    await t.channel.driver.message(priya, "the printer on floor 2 keeps jamming");
    const notQuite = await t.channel.driver.cardAction(priya, {
      verb: "selfhelp.notQuite",
      data: actionOf(lastCard(priya), "selfhelp.notQuite")?.data ?? {},
    });
    const offer = (notQuite.body as InvokeBody).value;
    const raised = await t.channel.driver.cardAction(priya, {
      verb: "selfhelp.talk",
      data: actionOf(offer, "selfhelp.talk")?.data ?? {},
    });
    expect(cardText((raised.body as InvokeBody).value)).toMatch(/Ticket ICT-\d{6} raised/);

    const posted = cardsIn(deskChannel).at(-1);
    expect(cardText(posted?.card)).toContain("the printer on floor 2 keeps jamming");
    const ticketId = actionOf(posted?.card, "ticket.assign")?.data?.ticketId;

    const assigned = await t.channel.driver.channelCardAction(
      agent,
      deskChannel,
      { verb: "ticket.assign", data: { ticketId } },
      posted?.activityId,
    );
    expect(cardText((assigned.body as InvokeBody).value)).toContain("Being worked on by Dev Patel");
    const forTheDesk = cardsIn(deskChannel).at(-1);
    expect(forTheDesk).toMatchObject({ kind: "update", activityId: posted?.activityId });
    expect(cardText(forTheDesk?.card)).toContain("Being worked on by Dev Patel");
    expect(textsIn(chat).at(-1)).toMatch(/Dev Patel from the ICT Service Desk is looking at your ticket/);

    await t.channel.driver.channelCardAction(agent, deskChannel, {
      verb: "ticket.note",
      data: { ticketId, note: "Engineer booked for 2pm" },
    });
    expect(textsIn(chat).at(-1)).toMatch(/Engineer booked for 2pm/);

    const resolved = await t.channel.driver.channelCardAction(agent, deskChannel, {
      verb: "ticket.resolve",
      data: { ticketId, resolution: "Rollers replaced" },
    });
    const deskCard = (resolved.body as InvokeBody).value;
    expect(cardText(deskCard)).toContain("Resolved");
    expect(deskCard.actions ?? []).toEqual([]);
    expect(textsIn(chat).at(-1)).toMatch(/resolved: Rollers replaced/);

    const rating = lastCard(priya);
    expect(rating?.actions?.map((a) => a.title)).toEqual(["1", "2", "3", "4", "5"]);
    const rated = await t.channel.driver.cardAction(priya, {
      verb: "ticket.rate",
      data: actionOf(rating, "ticket.rate") && rating?.actions?.[3]?.data,
    });
    expect(cardText((rated.body as InvokeBody).value)).toMatch(/4 out of 5/);
    const again = await t.channel.driver.cardAction(priya, {
      verb: "ticket.rate",
      data: rating?.actions?.[0]?.data ?? {},
    });
    expect(cardText((again.body as InvokeBody).value)).toMatch(/already/);

    const ticket = await t.app.store.db
      .selectFrom("ticket")
      .selectAll()
      .where("id", "=", Number(ticketId))
      .executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({
      status: "resolved",
      satisfaction: 4,
      assignee_name: "Dev Patel",
      source: "not-helped",
    });
  });

  it("lists a person's tickets when they ask about them", async () => {
    await t.channel.driver.message(priya, "what's happening with my tickets?");
    expect(cardText(lastCard(priya))).toMatch(/Your tickets[\s\S]*ICT-\d{6}/);
  });

  it("raises a ticket straight away when someone asks for a person", async () => {
    await t.channel.driver.message(agent, "can I speak to a real person please");
    expect(cardText(lastCard(agent))).toMatch(/Ticket ICT-\d{6} raised/);
  });

  it("answers 400 to card data it cannot read", async () => {
    const response = await t.channel.driver.cardAction(priya, { verb: "ticket.rate", data: { ticketId: "abc" } });
    expect((response.body as { statusCode: number }).statusCode).toBe(400);
    const forged = await t.channel.driver.cardAction(priya, {
      verb: "selfhelp.helped",
      data: { questionId: "1 or 1=1" },
    });
    expect((forged.body as { statusCode: number }).statusCode).toBe(400);
  });

  it("shows the full article behind an answer at /help/{id}, and 404 for one that does not exist", async () => {
    const page = await fetch(`${t.app.url}/help/password-reset`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain("<h1>Reset a forgotten password</h1>");
    expect(html).toContain("<h2>When to ask for help</h2>");
    expect((await fetch(`${t.app.url}/help/no-such-article`)).status).toBe(404);
  });
});
