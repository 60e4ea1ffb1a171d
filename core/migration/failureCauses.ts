import type { ItemStatus } from "./migrationTables";

/** Why an item did not migrate, in the words the owner needs to fix it. */
export const failureCauses = [
  "path-too-long",
  "invalid-characters",
  "file-too-large",
  "checked-out",
  "permission",
  "server-failure",
  "other",
] as const;
export type FailureCause = (typeof failureCauses)[number];

/** Error codes whose meaning Microsoft documents. */
const byCode: Record<string, FailureCause> = {
  "0x0111000a": "file-too-large",
  "0x0131000f": "checked-out",
  "0x01710006": "server-failure",
  "0x01710009": "server-failure",
};

const byMessage: readonly [RegExp, FailureCause][] = [
  [/path.*(too long|length|exceed|longer than)|(too long|exceeds).*path|url.*too long/i, "path-too-long"],
  [
    /invalid char|illegal char|not allowed char|unsupported char|characters? (is|are) not (allowed|supported)/i,
    "invalid-characters",
  ],
  [/too (large|big)|exceeds? the (maximum )?(file )?size|size limit|250 ?gb/i, "file-too-large"],
  [/checked out|check(ed)?-out/i, "checked-out"],
  [/access (is )?denied|permission|unauthori[sz]ed|forbidden|not authori[sz]ed/i, "permission"],
  [/server|timed? ?out|throttl|service unavailable|package/i, "server-failure"],
];

/** The cause of a failed item from its error code, message and result category. */
export function failureCause(errorCode: string | null, message: string | null, category: string | null): FailureCause {
  const code = errorCode?.trim().toLowerCase();
  if (code && byCode[code]) return byCode[code];
  for (const [pattern, cause] of byMessage) if (message && pattern.test(message)) return cause;
  if (category && /server/i.test(category)) return "server-failure";
  return "other";
}

/** An item report's Status (and category) as migrated, failed or skipped. */
export function itemStatus(status: string, category: string | null, fromFailureReport: boolean): ItemStatus {
  if (fromFailureReport) return "failed";
  const s = status.toLowerCase();
  if (/fail|error/.test(s)) return "failed";
  if (/skip|filter|exclud|not migrated/.test(s) || /filter/i.test(category ?? "")) return "skipped";
  if (/migrat|success|complet|copied|done/.test(s)) return "migrated";
  return category && /failure/i.test(category) ? "failed" : "skipped";
}
