import type { RequestDeps } from "../../bot/requests/requestNotices";
import type { Config } from "../../core/config";
import type { RefreshSnapshot } from "../../core/refresh/refreshSnapshot";
import type { KnowledgeBase } from "../../core/selfhelp/searchIndex";
import type { TabAuthDeps } from "./tabAuth";

/** What the tabs need to sign in outside Teams (GET /api/tab/auth-config). */
export type AuthConfig = { authority: string; clientId: string; scope: string; devSignIn: boolean };

/** Everything the tab API works with. */
export type TabApiDeps = {
  /** Device requests as the bot runs them: the same store, notices and clock. */
  requests: RequestDeps;
  knowledge: KnowledgeBase;
  /** Where the app is reached, for links to help articles. */
  publicUrl: string;
  auth: TabAuthDeps;
  authConfig: AuthConfig;
  /** The refresh dashboard's figures, kept per devices sync. */
  refreshSnapshot: () => Promise<RefreshSnapshot>;
  /** MIGRATION_VERIFY_TOLERANCE_PERCENT: how far a migrated target may differ from its scan. */
  migrationTolerancePercent?: number;
  /** ADOPTION_MIN_GROUP_SIZE and ADOPTION_TIP_GAP_DAYS: the smallest group shown, the fewest days between two tips. */
  adoption: Config["adoption"];
};
