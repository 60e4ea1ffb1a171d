/** What the bot asked the channel to do. */
export type TranscriptKind = "send" | "reply" | "update" | "createConversation";

/** One request the bot made to the dev channel, as the channel answered it. */
export type TranscriptEntry = {
  seq: number;
  at: string;
  kind: TranscriptKind;
  conversationId: string;
  /** The id the channel gave (or was asked to update). */
  activityId?: string;
  replyToId?: string;
  /** The body the bot sent. */
  body: Record<string, unknown>;
  /** The HTTP status the channel answered: 200/201 delivered, 429 throttled, 403/404 refused. */
  status: number;
};

/** The list of everything the bot sent, which tests read. */
export class Transcript {
  private readonly entries: TranscriptEntry[] = [];

  add(entry: Omit<TranscriptEntry, "seq" | "at">, at: number): TranscriptEntry {
    const full = { ...entry, seq: this.entries.length + 1, at: new Date(at).toISOString() };
    this.entries.push(full);
    return full;
  }

  /** Everything, in order, including refused and throttled requests. */
  all(): readonly TranscriptEntry[] {
    return this.entries;
  }

  /** Activities that reached a conversation (sent, replied or updated), optionally in one conversation. */
  delivered(conversationId?: string): TranscriptEntry[] {
    return this.entries.filter(
      (e) =>
        e.status < 300 && e.kind !== "createConversation" && (!conversationId || e.conversationId === conversationId),
    );
  }

  throttled(): TranscriptEntry[] {
    return this.entries.filter((e) => e.status === 429);
  }

  clear() {
    this.entries.length = 0;
  }
}
