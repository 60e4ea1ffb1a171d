import { type RawBuilder, sql } from "kysely";

/**
 * Windows 10 and Windows 11 both report their version as "10.0.<build>.<revision>":
 * only the build tells them apart, and names the feature update.
 */
export const FIRST_WINDOWS_11_BUILD = 22000;

const RELEASES: Readonly<Record<number, string>> = {
  10240: "1507",
  10586: "1511",
  14393: "1607",
  15063: "1703",
  16299: "1709",
  17134: "1803",
  17763: "1809",
  18362: "1903",
  18363: "1909",
  19041: "2004",
  19042: "20H2",
  19043: "21H1",
  19044: "21H2",
  19045: "22H2",
  22000: "21H2",
  22621: "22H2",
  22631: "23H2",
  26100: "24H2",
  26200: "25H2",
};

/** "10.0.<build>.<revision>", the build captured; shared by the TypeScript and SQL readings. */
const WINDOWS_VERSION = /^\s*10\.0\.(\d+)/;

/** The build number of a Windows device ("10.0.19045.6456" → 19045); null for other systems or an unreadable version. */
export function windowsBuild(operatingSystem: string, osVersion: string): number | null {
  if (operatingSystem.toLowerCase() !== "windows") return null;
  const match = WINDOWS_VERSION.exec(osVersion);
  return match?.[1] ? Number(match[1]) : null;
}

export const isWindows11Build = (build: number) => build >= FIRST_WINDOWS_11_BUILD;

/** `windowsBuild` in SQL, over a managed_device row named `table` (trusted, from code): null for other systems. */
export const windowsBuildSql = (table: string): RawBuilder<number | null> =>
  sql`(case when lower(${sql.ref(`${table}.operating_system`)}) = 'windows'
    then substring(${sql.ref(`${table}.os_version`)} from ${WINDOWS_VERSION.source}::text)::integer end)`;

/** Whether a managed_device row named `table` runs Windows 11, in SQL (null for other systems). */
export const isWindows11Sql = (table: string): RawBuilder<boolean | null> =>
  sql`(${windowsBuildSql(table)} >= ${FIRST_WINDOWS_11_BUILD})`;

/**
 * A name people recognise for a device's system: "Windows 11 24H2", "Windows 10 22H2",
 * "iOS 26", "Android 15". Other systems are grouped by major version.
 */
export function operatingSystemRelease(operatingSystem: string, osVersion: string): string {
  const build = windowsBuild(operatingSystem, osVersion);
  if (build !== null) {
    const windows = isWindows11Build(build) ? "Windows 11" : "Windows 10";
    const release = RELEASES[build];
    return release ? `${windows} ${release}` : `${windows} (build ${build})`;
  }
  const major = /^\d+/.exec(osVersion.trim())?.[0];
  return major ? `${operatingSystem} ${major}` : operatingSystem;
}
