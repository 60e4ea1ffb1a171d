import { t } from "../../../../../core/messages/catalogue";
import type { MigrationSource, MigrationTotals } from "../../../api/migrationTypes";
import { formatNumber } from "../../../format";

const GB = 1024 ** 3;
const gigabytes = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/** Bytes as GB, the unit the migration tools report in. */
export const formatBytes = (bytes: number | null) =>
  bytes === null ? "—" : t("tabs.migration.gb", { gb: gigabytes.format(bytes / GB) });

export const toGb = (bytes: number) => Math.round((bytes / GB) * 10) / 10;

/** A source as ICT knows it: drive letter and UNC path. */
export const sourceName = (s: Pick<MigrationSource, "driveLetter" | "uncPath">) =>
  s.driveLetter ? `${s.driveLetter} ${s.uncPath}` : s.uncPath;

export const stateName = (state: MigrationSource["state"]) => t(`migration.state.${state}`);

/** The totals a progress table shows, in its column order. */
export const totalsCells = (totals: MigrationTotals) => ({
  sources: formatNumber(totals.sources),
  plannedBytes: formatBytes(totals.plannedBytes),
  migratedBytes: formatBytes(totals.migratedBytes),
  verifiedBytes: formatBytes(totals.verifiedBytes),
  plannedItems: formatNumber(totals.plannedItems),
  migratedItems: formatNumber(totals.migratedItems),
  failedItems: formatNumber(totals.failedItems),
  mismatches: formatNumber(totals.mismatches),
});
