import { Body1 } from "@fluentui/react-components";
import { t } from "../../../../../core/messages/catalogue";
import type { MigrationSource, VerificationStatus } from "../../../api/migrationTypes";
import { LastSynced } from "../../../components/LastSynced";
import { Section } from "../../../components/Section";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { formatNumber } from "../../../format";
import { formatBytes, sourceName, stateName } from "./migrationFormat";

const statusName = (status: VerificationStatus | undefined) =>
  status ? t(`tabs.migration.verification.${status}`) : t("tabs.migration.verification.none");

const count = (n: number | null) => (n === null ? "—" : formatNumber(n));

const mismatchColumns: Column<MigrationSource>[] = [
  { key: "source", header: t("tabs.migration.column.source"), cell: sourceName },
  { key: "target", header: t("tabs.migration.column.target"), cell: (s) => s.targetSiteUrl ?? "—" },
  {
    key: "scanBytes",
    header: t("tabs.migration.column.scanBytes"),
    cell: (s) => formatBytes(s.verification?.expectedBytes ?? null),
  },
  {
    key: "targetBytes",
    header: t("tabs.migration.column.targetBytes"),
    cell: (s) => formatBytes(s.verification?.actualBytes ?? null),
  },
  {
    key: "scanFiles",
    header: t("tabs.migration.column.scanFiles"),
    cell: (s) => count(s.verification?.expectedFiles ?? null),
  },
  {
    key: "targetFiles",
    header: t("tabs.migration.column.targetFiles"),
    cell: (s) => count(s.verification?.actualFiles ?? null),
  },
  {
    key: "difference",
    header: t("tabs.migration.column.difference"),
    cell: (s) =>
      s.verification?.differencePercent == null
        ? "—"
        : t("tabs.migration.percent", { percent: s.verification.differencePercent.toFixed(1) }),
  },
];

const homeColumns: Column<MigrationSource>[] = [
  { key: "source", header: t("tabs.migration.column.source"), cell: sourceName },
  { key: "owner", header: t("tabs.migration.column.owner"), cell: (s) => s.ownerUpn ?? "—" },
  { key: "state", header: t("tabs.migration.column.state"), cell: (s) => stateName(s.state) },
  { key: "oneDrive", header: t("tabs.migration.column.oneDrive"), cell: (s) => statusName(s.verification?.status) },
];

/**
 * Verification through Graph: shared drives whose target differs from the scan
 * beyond the tolerance (or whose site is not found), and home drives' OneDrives.
 */
export function VerificationSection({
  sources,
  tolerancePercent,
  syncedAt,
}: {
  sources: MigrationSource[];
  tolerancePercent: number;
  syncedAt: string;
}) {
  const shared = sources.filter((s) => s.kind === "shared" && s.verification);
  const flagged = shared.filter(
    (s) => s.verification?.status === "mismatch" || s.verification?.status === "site-not-found",
  );
  const matched = shared.filter((s) => s.verification?.status === "match").length;
  const homes = sources.filter((s) => s.kind === "home" && s.verification);
  const concealed = homes.some((s) => s.verification?.status === "concealed");
  const mismatchStatus: Column<MigrationSource> = {
    key: "status",
    header: t("tabs.migration.column.verification"),
    cell: (s) => statusName(s.verification?.status),
  };
  return (
    <>
      <Section heading={t("tabs.migration.mismatches")}>
        <LastSynced at={syncedAt} />
        <Body1 as="p">
          {t("tabs.migration.mismatchesIntro", {
            tolerance: formatNumber(tolerancePercent),
            checked: formatNumber(shared.length),
            matched: formatNumber(matched),
          })}
        </Body1>
        {flagged.length === 0 ? (
          <Body1>{t("tabs.migration.noMismatches")}</Body1>
        ) : (
          <SimpleTable
            label={t("tabs.migration.mismatches")}
            columns={[mismatchColumns[0] as Column<MigrationSource>, mismatchStatus, ...mismatchColumns.slice(1)]}
            rows={flagged}
            rowKey={(s) => s.id}
          />
        )}
      </Section>
      <Section heading={t("tabs.migration.homeDrives")}>
        <LastSynced at={syncedAt} />
        {concealed && <Body1 as="p">{t("tabs.migration.concealedNote")}</Body1>}
        {homes.length === 0 ? (
          <Body1>{t("tabs.migration.noHomeDrives")}</Body1>
        ) : (
          <SimpleTable label={t("tabs.migration.homeDrives")} columns={homeColumns} rows={homes} rowKey={(s) => s.id} />
        )}
      </Section>
    </>
  );
}
