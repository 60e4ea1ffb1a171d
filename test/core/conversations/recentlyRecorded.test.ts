import { describe, expect, it } from "vitest";
import type { ConversationSeen } from "../../../core/conversations/conversationRepository";
import { RecentlyRecorded } from "../../../core/conversations/recentlyRecorded";

const seen = (conversationId: string, serviceUrl = "https://smba.trafficmanager.net/uk/"): ConversationSeen => ({
  reference: { channelId: "msteams", serviceUrl, conversation: { id: conversationId }, bot: { id: "28:ict-hub" } },
  conversationType: "personal",
  user: { aadObjectId: "aad-1", teamsUserId: "29:1" },
});

describe("what this instance has recently written about a conversation", () => {
  it("knows a sighting it has written, so the same reference is not written again", () => {
    const recorded = new RecentlyRecorded();
    expect(recorded.has(seen("a:1"))).toBe(false);
    recorded.remember(seen("a:1"));
    expect(recorded.has(seen("a:1"))).toBe(true);
    expect(recorded.has(seen("a:2"))).toBe(false);
  });

  it("treats a moved service URL as new, so the new reference is written at once", () => {
    const recorded = new RecentlyRecorded();
    recorded.remember(seen("a:1"));
    expect(recorded.has(seen("a:1", "https://smba.trafficmanager.net/emea/"))).toBe(false);
  });

  it("forgets a conversation the app was removed from", () => {
    const recorded = new RecentlyRecorded();
    recorded.remember(seen("a:1"));
    recorded.remember(seen("a:2"));
    recorded.forget("a:1");
    expect(recorded.has(seen("a:1"))).toBe(false);
    expect(recorded.has(seen("a:2"))).toBe(true);
  });

  it("lets an entry expire, so last-seen times stay within the window", async () => {
    const recorded = new RecentlyRecorded({ ttlMs: 20 });
    recorded.remember(seen("a:1"));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(recorded.has(seen("a:1"))).toBe(false);
  });
});
