import type { Kysely, Transaction } from "kysely";
import type { BotConversationTable, BotUserTable } from "../conversations/conversationTable";
import type { AppInstanceTable } from "../instances/instanceTable";

/** Every table in the store, by name. */
export type Database = {
  bot_conversation: BotConversationTable;
  bot_user: BotUserTable;
  app_instance: AppInstanceTable;
};

/** A database handle or an open transaction: repositories accept either. */
export type Db = Kysely<Database> | Transaction<Database>;
