import type { Kysely } from "kysely";
import { recordAdoptionReport } from "../../../core/adoption/personDays";
import { upsertDirectoryUsers } from "../../../core/directory/directoryRepository";
import type { DirectoryUser } from "../../../core/directory/directoryUser";
import type { Database, Db } from "../../../core/store/database";
import { saveUsageReportDay } from "../../../core/usage/usageRepository";
import type { UsageReportDay, UsageReportName } from "../../../core/usage/usageSnapshot";

/**
 * Report rows as Graph's CSVs name their columns, for people described by the
 * few figures a test cares about. Everything not given is zero, "No" or blank.
 */
export type Who = { id?: string; upn: string; deleted?: boolean };

export const teamsActivity = (
  who: Who,
  day: string,
  figures: Partial<{
    teamChat: number;
    privateChat: number;
    posts: number;
    replies: number;
    calls: number;
    organised: number;
    attended: number;
    lastActivity: string;
  }> = {},
) => ({
  "Report Refresh Date": day,
  "User Id": who.id ?? "",
  "User Principal Name": who.upn,
  "Last Activity Date": figures.lastActivity ?? "",
  "Is Deleted": who.deleted ? "True" : "False",
  "Team Chat Message Count": String(figures.teamChat ?? 0),
  "Private Chat Message Count": String(figures.privateChat ?? 0),
  "Call Count": String(figures.calls ?? 0),
  "Meeting Count": String((figures.organised ?? 0) + (figures.attended ?? 0)),
  "Post Messages": String(figures.posts ?? 0),
  "Reply Messages": String(figures.replies ?? 0),
  "Meetings Organized Count": String(figures.organised ?? 0),
  "Meetings Attended Count": String(figures.attended ?? 0),
});

const yesNo = (value: boolean | undefined) => (value ? "Yes" : "No");

export const teamsDevices = (
  who: Who,
  day: string,
  used: Partial<Record<"Windows" | "Mac" | "Web" | "iOS" | "Android Phone", boolean>>,
) => ({
  "Report Refresh Date": day,
  "User Id": who.id ?? "",
  "User Principal Name": who.upn,
  "Last Activity Date": Object.values(used).some(Boolean) ? day : "",
  "Is Deleted": who.deleted ? "True" : "False",
  "Used Web": yesNo(used.Web),
  "Used Windows Phone": "No",
  "Used iOS": yesNo(used.iOS),
  "Used Mac": yesNo(used.Mac),
  "Used Android Phone": yesNo(used["Android Phone"]),
  "Used Windows": yesNo(used.Windows),
  "Used Chrome OS": "No",
  "Used Linux": "No",
});

export const appsUse = (
  who: Who,
  day: string,
  used: Partial<Record<"Windows" | "Mac" | "Mobile" | "Web", boolean>>,
  activated = true,
) => ({
  "Report Refresh Date": day,
  "User Principal Name": who.upn,
  "Last Activation Date": activated ? "2025-01-06" : "",
  "Last Activity Date": Object.values(used).some(Boolean) ? day : "",
  Windows: yesNo(used.Windows),
  Mac: yesNo(used.Mac),
  Mobile: yesNo(used.Mobile),
  Web: yesNo(used.Web),
});

export const email = (who: Who, day: string, sent: number, read = 0) => ({
  "Report Refresh Date": day,
  "User Principal Name": who.upn,
  "Is Deleted": who.deleted ? "True" : "False",
  "Last Activity Date": sent + read > 0 ? day : "",
  "Send Count": String(sent),
  "Receive Count": "3",
  "Read Count": String(read),
});

export const activeUser = (who: Who, day: string, used: { oneDrive?: boolean; sharePoint?: boolean }) => ({
  "Report Refresh Date": day,
  "User Principal Name": who.upn,
  "Is Deleted": who.deleted ? "True" : "False",
  "OneDrive Last Activity Date": used.oneDrive ? day : "2025-03-01",
  "SharePoint Last Activity Date": used.sharePoint ? day : "",
});

/** Saves one report day and records it for adoption, in one transaction, as the sync does. */
export async function storeReportDay(
  db: Kysely<Database>,
  report: UsageReportName,
  date: string,
  rows: Record<string, string>[],
  concealedNames = false,
) {
  const day: UsageReportDay = { report, date, refreshDate: rows.length ? date : null, concealedNames, rows };
  return db.transaction().execute(async (trx) => {
    await saveUsageReportDay(trx, day, new Date());
    return recordAdoptionReport(trx, day);
  });
}

let next = 0;

/** Directory people, keyed by their name in lower case: id and UPN made up from the name; enabled unless told. */
export async function inDirectory<const Name extends string>(
  db: Db,
  people: (Partial<DirectoryUser> & { name: Name; removed?: boolean })[],
): Promise<Record<Lowercase<Name>, Who & { id: string }>> {
  const byName = {} as Record<Lowercase<Name>, Who & { id: string }>;
  const users = people.map(({ name, removed: _removed, ...rest }) => {
    next += 1;
    const id = rest.id ?? `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`;
    const upn = rest.userPrincipalName ?? `${name.toLowerCase()}@llanfair.gov.uk`;
    byName[name.toLowerCase() as Lowercase<Name>] = { id, upn };
    return {
      id,
      userPrincipalName: upn,
      displayName: name,
      department: null,
      division: null,
      accountEnabled: true,
      ...rest,
    };
  });
  await upsertDirectoryUsers(db, users, new Date());
  const removed = people.filter((p) => p.removed).map((p) => byName[p.name.toLowerCase() as Lowercase<Name>].id);
  if (removed.length > 0) {
    await db.updateTable("directory_user").set({ removed_at: new Date() }).where("id", "in", removed).execute();
  }
  return byName;
}
