import type { RateWindow } from "./slidingWindowLimiter";

/** Teams' documented limits for a bot's messages in one conversation. */
export const perConversationLimits: readonly RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/** Teams' documented limit for one app across all conversations in a tenant. */
export const perAppLimits: readonly RateWindow[] = [{ limit: 50, windowMs: 1_000 }];
