import type { ColumnType, Generated, Selectable } from "kysely";

/** A plain-JSON copy of what a proactive message needs to reach a conversation. */
export type StoredConversationReference = {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean };
  bot: { id: string; name?: string };
  user?: { id: string; aadObjectId?: string; name?: string };
  locale?: string;
};

export type BotConversationTable = {
  id: string;
  conversation_type: string;
  tenant_id: string | null;
  service_url: string;
  reference: ColumnType<StoredConversationReference, string, string>;
  installed: Generated<boolean>;
  welcomed_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type BotUserTable = {
  aad_object_id: string;
  teams_user_id: string;
  tenant_id: string | null;
  personal_conversation_id: string | null;
  locale: string | null;
  first_seen_at: Generated<Date>;
  last_seen_at: Generated<Date>;
};

export type BotConversationRow = Selectable<BotConversationTable>;
export type BotUserRow = Selectable<BotUserTable>;
