import { randomUUID } from "node:crypto";
import type { PulseDraft } from "../../../core/pulses/pulseDraft";
import type { Db } from "../../../core/store/database";

/** A valid draft: an anonymous pulse to all staff, sent now, open a week; override any part. */
export function aDraft(overrides: Partial<PulseDraft> = {}): PulseDraft {
  return {
    title: "ICT services this quarter",
    ratingQuestion: "How satisfied are you with ICT services?",
    askRecommend: true,
    askComment: true,
    audience: { kind: "all" },
    schedule: { kind: "once", startsAt: "now" },
    openDays: 7,
    anonymous: true,
    threshold: 5,
    remindAfterDays: 3,
    ...overrides,
  };
}

/** Staff in directorates, e.g. { "Adult Social Care": 6, Resources: 2 }; returns their ids by directorate. */
export async function addStaff(
  db: Db,
  counts: Record<string, number>,
  options: { disabled?: number } = {},
): Promise<Record<string, string[]>> {
  const ids: Record<string, string[]> = {};
  const rows = Object.entries(counts).flatMap(([department, count]) =>
    Array.from({ length: count }, (_, i) => {
      const id = randomUUID();
      ids[department] = [...(ids[department] ?? []), id];
      return {
        id,
        user_principal_name: `${department.replace(/\W+/g, ".").toLowerCase()}.${i}.${id.slice(0, 6)}@council.example`,
        display_name: `${department} person ${i}`,
        department,
        account_enabled: true,
        synced_at: new Date(),
      };
    }),
  );
  const disabled = Array.from({ length: options.disabled ?? 0 }, (_, i) => ({
    id: randomUUID(),
    user_principal_name: `disabled.${i}.${randomUUID().slice(0, 6)}@council.example`,
    display_name: `Disabled ${i}`,
    department: Object.keys(counts)[0] ?? null,
    account_enabled: false,
    synced_at: new Date(),
  }));
  for (const row of [...rows, ...disabled]) await db.insertInto("directory_user").values(row).execute();
  return ids;
}
