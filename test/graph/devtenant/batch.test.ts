import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

type BatchResponse = { responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[] };

const batch = (requests: unknown[]) =>
  h.graph("/v1.0/$batch", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ requests }),
  });

const userGets = (n: number) =>
  [...h.tenant.council.users.keys()]
    .slice(0, n)
    .map((id, i) => ({ id: String(i + 1), method: "GET", url: `/users/${id}?$select=displayName` }));

describe("POST /$batch", () => {
  it("answers every one of 20 requests, each with its own status and body", async () => {
    const response = await batch(userGets(20));
    expect(response.status).toBe(200);
    const { responses } = (await response.json()) as BatchResponse;
    expect(responses).toHaveLength(20);
    expect(
      responses.every((r) => r.status === 200 && typeof (r.body as { displayName?: string }).displayName === "string"),
    ).toBe(true);
    expect(responses.map((r) => r.id).sort()).toEqual(
      userGets(20)
        .map((r) => r.id)
        .sort(),
    );
  });

  it("refuses 21 requests with 400", async () => {
    const response = await batch(userGets(21));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("BadRequest");
  });

  it("answers a missing item with its own 404, leaving the others alone", async () => {
    const { responses } = (await (
      await batch([...userGets(1), { id: "missing", method: "GET", url: "users/nobody@llanfair.gov.uk" }])
    ).json()) as BatchResponse;
    expect(responses.find((r) => r.id === "1")?.status).toBe(200);
    const missing = responses.find((r) => r.id === "missing");
    expect(missing?.status).toBe(404);
    expect(missing?.body).toMatchObject({ error: { code: "Request_ResourceNotFound" } });
  });

  it("runs items through the same routes as direct calls, reports included", async () => {
    const { responses } = (await (
      await batch([{ id: "r", method: "GET", url: "/reports/getEmailActivityUserDetail(period='D7')" }])
    ).json()) as BatchResponse;
    expect(responses[0]?.status).toBe(302);
    expect(responses[0]?.headers.Location).toMatch(/\/_reports\/.+\.csv$/);
  });

  it("logs each item as a Graph request of its own", async () => {
    h.tenant.requestLog.clear();
    await batch(userGets(3));
    expect(h.tenant.requestLog.entries().filter((e) => e.batchItemId !== undefined)).toHaveLength(3);
  });
});
