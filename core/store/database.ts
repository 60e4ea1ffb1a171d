import type { Kysely, Transaction } from "kysely";
import type {
  AdoptionChampionTable,
  AdoptionGroupPeriodTable,
  AdoptionPersonDayTable,
  AdoptionTargetTable,
  AdoptionTipCampaignTable,
  AdoptionTipOptOutTable,
  AdoptionTipRecipientTable,
} from "../adoption/adoptionTables";
import type { BotConversationTable, BotUserTable } from "../conversations/conversationTable";
import type { ManagedDeviceTable } from "../devices/managedDevice";
import type { DirectoryUserTable } from "../directory/directoryUser";
import type { AppInstanceTable } from "../instances/instanceTable";
import type { JobLeaseTable, JobRunTable } from "../jobs/jobTables";
import type {
  MigrationFailureSummaryTable,
  MigrationFatalErrorTable,
  MigrationImportTable,
  MigrationItemTable,
  MigrationSourceTable,
  MigrationTaskRoundTable,
  MigrationTaskTable,
  MigrationWaveTable,
} from "../migration/migrationTables";
import type { OutboxBudgetTable, OutboxDeliveryTable, OutboxMessageTable } from "../outbox/outboxTables";
import type {
  PulseActionTable,
  PulseAnswerTable,
  PulseInviteeTable,
  PulseRespondentTable,
  PulseRunTable,
  PulseTable,
} from "../pulses/pulseTables";
import type { RefreshWaveTable } from "../refresh/refreshWave";
import type { DeviceRequestAuditTable, DeviceRequestTable } from "../requests/requestTables";
import type { SelfhelpQuestionTable, TicketNoteTable, TicketTable } from "../servicedesk/serviceDeskTables";
import type { SharePointSiteTable } from "../sharepoint/sharePointSite";
import type { SyncRunTable, SyncStateTable } from "../sync/syncTables";
import type { UsageReportRowTable, UsageReportSnapshotTable } from "../usage/usageSnapshot";

/** Every table in the store, by name. */
export type Database = {
  bot_conversation: BotConversationTable;
  bot_user: BotUserTable;
  app_instance: AppInstanceTable;
  job_lease: JobLeaseTable;
  job_run: JobRunTable;
  directory_user: DirectoryUserTable;
  managed_device: ManagedDeviceTable;
  sharepoint_site: SharePointSiteTable;
  usage_report_snapshot: UsageReportSnapshotTable;
  usage_report_row: UsageReportRowTable;
  sync_state: SyncStateTable;
  sync_run: SyncRunTable;
  selfhelp_question: SelfhelpQuestionTable;
  ticket: TicketTable;
  ticket_note: TicketNoteTable;
  refresh_wave: RefreshWaveTable;
  device_request: DeviceRequestTable;
  device_request_audit: DeviceRequestAuditTable;
  outbox_message: OutboxMessageTable;
  outbox_delivery: OutboxDeliveryTable;
  outbox_budget: OutboxBudgetTable;
  pulse: PulseTable;
  pulse_run: PulseRunTable;
  pulse_invitee: PulseInviteeTable;
  pulse_respondent: PulseRespondentTable;
  pulse_answer: PulseAnswerTable;
  pulse_action: PulseActionTable;
  migration_wave: MigrationWaveTable;
  migration_source: MigrationSourceTable;
  migration_import: MigrationImportTable;
  migration_task: MigrationTaskTable;
  migration_task_round: MigrationTaskRoundTable;
  migration_item: MigrationItemTable;
  migration_failure_summary: MigrationFailureSummaryTable;
  adoption_person_day: AdoptionPersonDayTable;
  adoption_group_period: AdoptionGroupPeriodTable;
  adoption_target: AdoptionTargetTable;
  adoption_champion: AdoptionChampionTable;
  adoption_tip_campaign: AdoptionTipCampaignTable;
  adoption_tip_recipient: AdoptionTipRecipientTable;
  adoption_tip_opt_out: AdoptionTipOptOutTable;
  migration_fatal_error: MigrationFatalErrorTable;
};

/** A database handle or an open transaction: repositories accept either. */
export type Db = Kysely<Database> | Transaction<Database>;
