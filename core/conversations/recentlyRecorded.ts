import { LRUCache } from "lru-cache";
import type { ConversationSeen } from "./conversationRepository";

/**
 * Remembers, per instance, what it last wrote for each conversation and
 * person, so a busy chat does not rewrite the same reference on every
 * message. The entry expires, so last-seen times stay within that window, and
 * a changed reference (Teams moved the service URL) is written at once.
 */
export class RecentlyRecorded {
  private readonly written: LRUCache<string, string>;

  constructor(options: { max?: number; ttlMs?: number } = {}) {
    this.written = new LRUCache({ max: options.max ?? 50_000, ttl: options.ttlMs ?? 15 * 60_000 });
  }

  /** True when this exact sighting was written within the window. */
  has(seen: ConversationSeen): boolean {
    return this.written.get(keyOf(seen)) === JSON.stringify(seen);
  }

  remember(seen: ConversationSeen): void {
    this.written.set(keyOf(seen), JSON.stringify(seen));
  }

  /** After an uninstall the next sighting must be written, whatever was cached. */
  forget(conversationId: string): void {
    for (const key of this.written.keys()) if (key.startsWith(`${conversationId}\n`)) this.written.delete(key);
  }
}

const keyOf = (seen: ConversationSeen) => `${seen.reference.conversation.id}\n${seen.user?.aadObjectId ?? ""}`;
