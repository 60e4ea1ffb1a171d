import { type Client, ResponseType } from "@microsoft/microsoft-graph-client";
import { parse } from "csv-parse/sync";
import type { UsageReportDay, UsageReportName } from "../../core/usage/usageSnapshot";

/** Concealed user names are 32 upper-case hex characters (Microsoft 365's privacy setting). */
const concealed = /^[0-9A-F]{32}$/;

/** Whether reports arrive with names hashed, by the tenant's own setting. */
export async function readsConcealedNames(client: Client): Promise<boolean> {
  const settings = (await client.api("/admin/reportSettings").get()) as { displayConcealedNames?: boolean };
  return settings.displayConcealedNames === true;
}

/**
 * One report for one day. Graph answers 302 to a short-lived CSV, which the
 * client's redirect handler follows. Names are detected as concealed from the
 * rows themselves too, whatever the setting said.
 */
export async function fetchUsageReportDay(
  client: Client,
  report: UsageReportName,
  date: string,
  settingSaysConcealed: boolean,
): Promise<UsageReportDay> {
  const csv = (await client.api(`/reports/${report}(date=${date})`).responseType(ResponseType.TEXT).get()) as string;
  const rows = parse(csv, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<
    string,
    string
  >[];
  const names = rows.map((r) => r["User Principal Name"] ?? "").filter((n) => n !== "");
  const hashed = names.length > 0 && names.filter((n) => concealed.test(n)).length / names.length > 0.5;
  return {
    report,
    date,
    refreshDate: rows[0]?.["Report Refresh Date"] || null,
    concealedNames: settingSaysConcealed || hashed,
    rows,
  };
}
