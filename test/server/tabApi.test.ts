import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevUser } from "../../bot/devchannel/driver";
import { auditOf } from "../../core/requests/requestAudit";
import { generateCouncil } from "../../graph/devtenant/council";
import { devicesSync } from "../../graph/sync/devicesSync";
import { runSync } from "../../graph/sync/runSync";
import { usersSync } from "../../graph/sync/usersSync";
import { tabApiSession } from "../support/tabApiSession";
import { startTestApp, type TestApp } from "../support/testApp";
import { cardsIn as cardsInTranscript, textsIn as textsInTranscript } from "../support/transcriptReading";

const deskChannel = "19:servicedesk@thread.tacv2";
const size = { seed: 1, staff: 60, devices: 80 };

type Card = { actions?: { title: string; verb?: string; data?: Record<string, unknown> }[]; body?: { id?: string }[] };

describe("the tab API, signed in with Teams SSO tokens from the dev tenant", () => {
  let t: TestApp;
  let requester: DevUser;
  let manager: DevUser;
  let colleague: DevUser;
  let ictUpn: string;
  let ictId: string;
  let tokens: Record<"requester" | "manager" | "colleague" | "ict", string>;
  let api: ReturnType<typeof tabApiSession>;

  beforeAll(async () => {
    // The council is the same for the same seed and size: pick ICT's person before the app starts.
    const council = generateCouncil(size);
    const ictPerson = [...council.users.values()].find((u) => u.accountEnabled);
    ictUpn = ictPerson?.userPrincipalName ?? "";
    ictId = ictPerson?.id ?? "";
    const clock = new Date(`${council.today}T12:00:00Z`);
    t = await startTestApp(
      {
        SERVICE_DESK_CHANNEL_ID: deskChannel,
        DEV_TENANT_STAFF: String(size.staff),
        DEV_TENANT_DEVICES: String(size.devices),
        ICT_STAFF: ictUpn,
      },
      { now: () => clock },
    );
    for (const job of [usersSync, devicesSync]) expect((await runSync(t.app.syncDeps, job)).status).toBe("succeeded");
    t.channel.connector.openConversation(deskChannel);
    const chain = await t.app.store.db
      .selectFrom("directory_user as staff")
      .innerJoin("directory_user as boss", "boss.id", "staff.manager_id")
      .innerJoin("managed_device", "managed_device.user_id", "staff.id")
      .leftJoin("directory_user as report", "report.manager_id", "staff.id")
      .select([
        "staff.id as staffId",
        "staff.display_name as staffName",
        "boss.id as bossId",
        "boss.display_name as bossName",
      ])
      .where("managed_device.removed_at", "is", null)
      .where("report.id", "is", null)
      .where("staff.id", "!=", ictId)
      .orderBy("staff.display_name")
      .executeTakeFirstOrThrow();
    const other = await t.app.store.db
      .selectFrom("directory_user as u")
      .leftJoin("directory_user as report", "report.manager_id", "u.id")
      .select(["u.id", "u.display_name"])
      .where("report.id", "is", null)
      .where("u.id", "not in", [chain.staffId, chain.bossId, ictId])
      .orderBy("u.display_name")
      .executeTakeFirstOrThrow();
    requester = t.channel.driver.user(chain.staffName, chain.staffId);
    manager = t.channel.driver.user(chain.bossName, chain.bossId);
    colleague = t.channel.driver.user(other.display_name, other.id);
    for (const person of [requester, manager]) await t.channel.driver.install(person);

    api = tabApiSession(t);
    tokens = {
      requester: await signIn(requester.aadObjectId),
      manager: await signIn(manager.aadObjectId),
      colleague: await signIn(colleague.aadObjectId),
      ict: await signIn(ictUpn),
    };
  });
  afterAll(async () => {
    await t?.stop();
    await api?.close();
  });

  const signIn = (loginHint: string) => api.signIn(loginHint);

  const call = (token: string | null, path: string, body?: unknown) => api.call(token, path, body);
  const chatOf = (user: DevUser) => t.channel.driver.personalConversationId(user);
  const textsIn = (conversationId: string) => textsInTranscript(t.channel.connector.transcript, conversationId);
  const cardsIn = (conversationId: string) => cardsInTranscript<Card>(t.channel.connector.transcript, conversationId);

  /** A device request made in the bot, as staff make them. */
  async function submitRequest(reason: string): Promise<number> {
    await t.channel.driver.message(requester, "I need a new laptop");
    const form = cardsIn(chatOf(requester)).at(-1);
    const justification = form?.card.body?.some((b) => b.id === "justification") ? { justification: "Slow" } : {};
    const answer = await t.channel.driver.cardAction(
      requester,
      { verb: "request.submit", data: { kind: "standard-laptop", reason, urgency: "normal", ...justification } },
      form?.activityId,
    );
    const card = (answer.body as { value: Card }).value;
    return Number(card.actions?.find((a) => a.verb === "request.cancel")?.data?.requestId);
  }

  it("tells a plain-browser tab how to sign in, without a token", async () => {
    const { status, json } = await call(null, "/auth-config");
    expect(status).toBe(200);
    expect(json).toEqual({
      authority: t.app.graph.connection.authority,
      clientId: t.app.graph.connection.clientId,
      scope: `api://localhost/${t.app.graph.connection.clientId}/access_as_user`,
      devSignIn: true,
    });
  });

  it("answers 401 to a missing, expired, wrong-audience, tampered or foreign token, and never logs it", async () => {
    const devTenant = t.app.graph.devTenant;
    if (!devTenant) throw new Error("expected dev-tenant mode");
    const expired = await devTenant.issueUserToken(requester.aadObjectId, { expiresInSeconds: -3600 });
    const otherApp = await devTenant.issueUserToken(requester.aadObjectId, { audience: "api://localhost/another-app" });
    const [header, payload, signature] = tokens.requester.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
    const tampered = [
      header,
      Buffer.from(JSON.stringify({ ...claims, oid: manager.aadObjectId })).toString("base64url"),
      signature,
    ].join(".");
    const otherTenant = [
      header,
      Buffer.from(JSON.stringify({ ...claims, tid: "00000000-0000-4000-a000-000000000000" })).toString("base64url"),
      signature,
    ].join(".");

    // A token re-signed by another tenant's key is refused on its signature; the tid check itself is in tabApiTokens.test.ts.
    for (const token of [null, "garbage", expired, otherApp, tampered, otherTenant]) {
      const { status, json } = await call(token, "/me");
      expect(status, String(token).slice(0, 12)).toBe(401);
      expect(json.error?.code).toBe("unauthenticated");
    }
    expect((await call(expired, "/me")).json.error?.message).toMatch(/expired/);
    expect((await call(otherApp, "/me")).json.error?.message).toMatch(/not for this app/);
    const logged = JSON.stringify(t.logs);
    for (const token of [tokens.requester, expired, otherApp]) expect(logged).not.toContain(token);
  });

  it("maps people to roles: staff, a manager with reports, ICT from ICT_STAFF", async () => {
    expect((await call(tokens.requester, "/me")).json).toEqual({
      id: requester.aadObjectId,
      name: requester.name,
      roles: ["staff"],
    });
    expect((await call(tokens.manager, "/me")).json.roles).toEqual(expect.arrayContaining(["staff", "manager"]));
    expect((await call(tokens.ict, "/me")).json.roles).toContain("ict");
  });

  it("forbids ICT routes to staff and approvals to people who manage nobody", async () => {
    for (const path of [
      "/ict/refresh/summary",
      "/ict/refresh/due",
      "/ict/refresh/due.csv",
      "/ict/waves",
      "/ict/requests",
    ]) {
      const { status, json } = await call(tokens.requester, path);
      expect(status, path).toBe(403);
      expect(json.error?.code).toBe("forbidden");
    }
    expect((await call(tokens.colleague, "/my/approvals")).status).toBe(403);
    expect((await call(tokens.colleague, "/my/approvals/1/decision", { approve: true })).status).toBe(403);
  });

  it("shows staff their devices with refresh states", async () => {
    const { status, json } = await call(tokens.requester, "/my/devices");
    expect(status).toBe(200);
    const devices = json.devices as { id: string; state: string; stateLabel: string; reason: string }[];
    expect(devices.length).toBeGreaterThan(0);
    expect(json.syncedAt).toEqual(expect.any(String));
    for (const device of devices) {
      expect(device.stateLabel).not.toBe("");
      expect(device.reason).toMatch(/^It .+\.$/);
    }
  });

  it("lets the manager approve from the tab: status changes, audited via the tab, the requester told, the desk posted", async () => {
    const requestId = await submitRequest("The hinge has broken");
    const waiting = (await call(tokens.manager, "/my/approvals")).json.approvals as Record<string, unknown>[];
    expect(waiting).toContainEqual(
      expect.objectContaining({
        id: requestId,
        requesterName: requester.name,
        kindLabel: "Standard laptop",
        reason: "The hinge has broken",
        urgencyLabel: "Normal",
      }),
    );
    const mine = (await call(tokens.requester, "/my/requests")).json.requests as Record<string, unknown>[];
    expect(mine[0]).toMatchObject({ id: requestId, status: "pending", approver: manager.name });

    expect((await call(tokens.colleague, `/my/approvals/${requestId}/decision`, { approve: true })).status).toBe(403);
    const { status, json } = await call(tokens.manager, `/my/approvals/${requestId}/decision`, {
      approve: true,
      comment: "Go ahead",
    });
    expect(status).toBe(200);
    expect(json.request).toMatchObject({ id: requestId, status: "approved", statusLabel: "approved" });
    expect(textsIn(chatOf(requester)).at(-1)).toMatch(new RegExp(`was approved by ${manager.name}. “Go ahead”`));
    expect(cardsIn(deskChannel).length).toBeGreaterThan(0);
    const trail = await auditOf(t.app.store.db, requestId);
    expect(trail.map((a) => [a.action, a.via])).toEqual([
      ["submitted", "requester-card"],
      ["approved", "tab"],
    ]);

    const again = await call(tokens.manager, `/my/approvals/${requestId}/decision`, { approve: false, comment: "No" });
    expect(again.status).toBe(409);
    expect(again.json.error?.code).toBe("already_decided");

    // ICT then see it in their queue and move it on.
    const queue = (await call(tokens.ict, "/ict/requests?stage=approved")).json.requests as Record<string, unknown>[];
    expect(queue).toContainEqual(expect.objectContaining({ id: requestId, nextStep: "ordered" }));
    const ordered = await call(tokens.ict, `/ict/requests/${requestId}/fulfil`, { to: "ordered" });
    expect(ordered.json.request).toMatchObject({ status: "ordered" });
    expect(textsIn(chatOf(requester)).at(-1)).toMatch(/is now ordered/);
  });

  it("refuses bad input with 400 and says what is wrong", async () => {
    const requestId = await submitRequest("Too slow");
    const noReason = await call(tokens.manager, `/my/approvals/${requestId}/decision`, { approve: false });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error?.message).toMatch(/reason/);
    const notBoolean = await call(tokens.manager, `/my/approvals/${requestId}/decision`, { approve: "yes" });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.json.error?.message).toMatch(/approve/);
    expect((await call(tokens.ict, "/ict/refresh/due?pageSize=5000")).status).toBe(400);
    expect((await call(tokens.ict, "/ict/refresh/due?state=current")).status).toBe(400);
    expect((await call(tokens.manager, "/my/approvals/999999/decision", { approve: true })).status).toBe(404);
  });

  it("gives ICT the refresh summary, the due list filtered, sorted and paged, and the CSV", async () => {
    const summary = await call(tokens.ict, "/ict/refresh/summary");
    expect(summary.status).toBe(200);
    expect(summary.json.total).toBeGreaterThan(0);
    expect(summary.json.syncedAt).toEqual(expect.any(String));

    type Row = { id: string; state: string; directorate: string | null; owner: string | null; stateLabel: string };
    const all = await call(tokens.ict, "/ict/refresh/due?pageSize=200");
    const rows = all.json.devices as Row[];
    expect(all.json.total).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(["due", "overdue", "must-replace"]).toContain(row.state);

    const page1 = await call(tokens.ict, "/ict/refresh/due?sort=owner&direction=desc&page=1&pageSize=2");
    const page2 = await call(tokens.ict, "/ict/refresh/due?sort=owner&direction=desc&page=2&pageSize=2");
    const owners = [...(page1.json.devices as Row[]), ...(page2.json.devices as Row[])].map((r) => r.owner ?? "");
    expect(owners).toEqual([...owners].sort((a, b) => b.localeCompare(a, "en-GB")));
    expect(page1.json).toMatchObject({ total: rows.length, page: 1, pageSize: 2 });

    const directorate = rows.find((r) => r.directorate)?.directorate ?? "";
    const filtered = await call(
      tokens.ict,
      `/ict/refresh/due?directorate=${encodeURIComponent(directorate)}&pageSize=200`,
    );
    const inDirectorate = filtered.json.devices as Row[];
    expect(inDirectorate.length).toBe(rows.filter((r) => r.directorate === directorate).length);
    const overdue = (await call(tokens.ict, "/ict/refresh/due?state=overdue&pageSize=200")).json.devices as Row[];
    expect(overdue.every((r) => r.state === "overdue" && r.stateLabel === "Overdue")).toBe(true);

    const csv = await call(tokens.ict, "/ict/refresh/due.csv");
    expect(csv.status).toBe(200);
    expect(csv.response.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await csv.response.text();
    expect(text.trim().split("\r\n")).toHaveLength(rows.length + 1);

    const waves = await call(tokens.ict, "/ict/waves");
    expect(waves.json).toEqual({ waves: [] });
    const selfHelp = await call(tokens.ict, "/ict/selfhelp");
    expect(selfHelp.json).toMatchObject({ deflectionByWeek: expect.any(Array), tickets: expect.any(Object) });
  });

  it("answers self-help searches from the bot's knowledge base", async () => {
    const { json } = await call(tokens.requester, `/selfhelp/search?q=${encodeURIComponent("I forgot my password")}`);
    expect(json.answered).toBe(true);
    const results = json.results as { id: string; url: string; title: string }[];
    expect(results[0]?.url).toBe(`http://localhost:0/help/${results[0]?.id}`);
    expect((await call(tokens.requester, "/selfhelp/search?q=")).status).toBe(400);
  });

  it("raises a ticket from the tab and posts it to the service desk, with or without a chat with the bot", async () => {
    const before = cardsIn(deskChannel).length;
    const raised = await call(tokens.requester, "/tickets", {
      subject: "Printer jams",
      description: "The second-floor printer jams on every job",
    });
    expect(raised.status).toBe(201);
    expect((raised.json.ticket as { reference: string }).reference).toMatch(/^ICT-\d{6}$/);
    const noChat = await call(tokens.colleague, "/tickets", {
      subject: "Monitor flickers",
      description: "Since Monday",
    });
    expect(noChat.status).toBe(201);
    expect(cardsIn(deskChannel).length - before).toBe(2);
    const mine = (await call(tokens.colleague, "/my/tickets")).json.tickets as Record<string, unknown>[];
    expect(mine[0]).toMatchObject({ subject: "Monitor flickers", status: "open" });
    expect((await call(tokens.requester, "/tickets", { subject: "", description: "x" })).status).toBe(400);
  });
});
