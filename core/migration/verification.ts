import { sql } from "kysely";
import type { Db } from "../store/database";

/**
 * What Graph says about a migrated source's target, against the scan:
 * - shared: the target site's document library's used bytes (drive quota) and
 *   the site usage report's file count, against the scanned bytes and files of
 *   every migrated source aimed at that site. The site is found by its id
 *   (the plan's site URL resolved through the synced sites API, then the usage
 *   report's "Site Id"), never by the report's URL, which concealed names blank.
 * - home: whether the owner's OneDrive is provisioned and in use (OneDrive usage report).
 */
export type Verification = {
  sourceId: number;
  status:
    | "match"
    | "mismatch"
    | "site-not-found"
    | "not-reported"
    | "in-use"
    | "provisioned-empty"
    | "not-provisioned"
    | "concealed";
  siteId: string | null;
  expectedBytes: number | null;
  actualBytes: number | null;
  expectedFiles: number | null;
  actualFiles: number | null;
  /** The larger of the two differences, as a percentage of the scan (null when not compared). */
  differencePercent: number | null;
};

/** States in which a source's content should be at its target. */
export const movedStates = ["migrated", "verified", "read-only", "decommissioned"] as const;

type SharedRow = {
  source_id: number;
  site_id: string | null;
  expected_bytes: number | null;
  expected_files: number | null;
  used_bytes: number | null;
  file_count: string | null;
};

/**
 * Verification of every source whose content has moved.
 * @param tolerancePercent how far (in % of the scan) Graph's figures may differ before a mismatch is flagged.
 */
export async function verifyTargets(db: Db, tolerancePercent: number): Promise<Map<number, Verification>> {
  const moved = sql.join(movedStates.map((s) => sql.lit(s)));
  const { rows: shared } = await sql<SharedRow>`
    with moved as (
      select s.id, s.scan_bytes, s.scan_files, site.id as site_id, site.quota_used_bytes
      from migration_source s
      left join sharepoint_site site
        on site.removed_at is null and rtrim(lower(site.web_url), '/') = rtrim(lower(s.target_site_url), '/')
      where s.kind = 'shared' and s.state in (${moved}) and s.target_site_url is not null
    ),
    latest as (
      select max(report_date) as day from usage_report_snapshot where report = 'getSharePointSiteUsageDetail'
    ),
    usage as (
      select r.data->>'Site Id' as report_site_id, r.data->>'File Count' as file_count
      from usage_report_row r join latest on r.report_date = latest.day
      where r.report = 'getSharePointSiteUsageDetail'
    ),
    per_site as (
      select site_id, sum(scan_bytes) as bytes, sum(scan_files) as files from moved where site_id is not null group by site_id
    )
    select m.id as source_id, m.site_id, p.bytes as expected_bytes, p.files as expected_files,
      m.quota_used_bytes as used_bytes, u.file_count
    from moved m
    left join per_site p on p.site_id = m.site_id
    left join usage u on lower(u.report_site_id) in (lower(split_part(m.site_id, ',', 2)), lower(m.site_id))`.execute(
    db,
  );

  const result = new Map<number, Verification>();
  for (const row of shared) {
    const base = {
      sourceId: row.source_id,
      siteId: row.site_id,
      expectedBytes: toNumber(row.expected_bytes),
      expectedFiles: toNumber(row.expected_files),
      actualBytes: toNumber(row.used_bytes),
      actualFiles: toNumber(row.file_count),
    };
    if (!row.site_id) {
      result.set(row.source_id, { ...base, status: "site-not-found", differencePercent: null });
      continue;
    }
    const differences = [
      difference(base.expectedBytes, base.actualBytes),
      difference(base.expectedFiles, base.actualFiles),
    ].filter((d): d is number => d !== null);
    if (differences.length === 0) {
      result.set(row.source_id, { ...base, status: "not-reported", differencePercent: null });
      continue;
    }
    const worst = Math.max(...differences);
    result.set(row.source_id, {
      ...base,
      status: worst > tolerancePercent ? "mismatch" : "match",
      differencePercent: Math.round(worst * 10) / 10,
    });
  }

  const { rows: home } = await sql<{
    source_id: number;
    concealed: boolean | null;
    file_count: string | null;
    storage: string | null;
    found: boolean;
    expected_bytes: number | null;
    expected_files: number | null;
  }>`
    with latest as (
      select report_date as day, concealed_names from usage_report_snapshot
      where report = 'getOneDriveUsageAccountDetail' order by report_date desc limit 1
    )
    select s.id as source_id, latest.concealed_names as concealed, s.scan_bytes as expected_bytes, s.scan_files as expected_files,
      r.data->>'File Count' as file_count, r.data->>'Storage Used (Byte)' as storage, r.report is not null as found
    from migration_source s
    left join latest on true
    left join usage_report_row r on r.report = 'getOneDriveUsageAccountDetail' and r.report_date = latest.day
      and lower(r.data->>'Owner Principal Name') = s.owner_upn
    where s.kind = 'home' and s.state in (${moved})`.execute(db);
  for (const row of home) {
    const files = toNumber(row.file_count);
    const status: Verification["status"] =
      row.concealed === null
        ? "not-reported"
        : row.concealed && !row.found
          ? "concealed"
          : !row.found
            ? "not-provisioned"
            : (files ?? 0) > 0
              ? "in-use"
              : "provisioned-empty";
    result.set(row.source_id, {
      sourceId: row.source_id,
      status,
      siteId: null,
      expectedBytes: toNumber(row.expected_bytes),
      expectedFiles: toNumber(row.expected_files),
      actualBytes: toNumber(row.storage),
      actualFiles: files,
      differencePercent: null,
    });
  }
  return result;
}

const toNumber = (value: number | string | null) => (value === null || value === "" ? null : Number(value));

function difference(expected: number | null, actual: number | null): number | null {
  if (expected === null || actual === null) return null;
  if (expected === 0) return actual === 0 ? 0 : 100;
  return (Math.abs(actual - expected) / expected) * 100;
}
