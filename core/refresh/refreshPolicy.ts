import type { ManagedDeviceTable } from "../devices/managedDevice";
import { type MessageKey, t } from "../messages/catalogue";
import { longDate } from "../messages/formats";
import { type AgeEvidence, describeAge, estimateAge, YEAR_MS } from "./deviceAge";
import {
  type Windows11Facts,
  type Windows11Readiness,
  type Windows11Verdict,
  windows11Readiness,
} from "./windows11Readiness";

/** The council's refresh policy: when a device is due, and what makes it stale or lost. */
export type RefreshPolicy = {
  /** Age in years at which a device is overdue for replacement. */
  ageYears: number;
  /** How many months before that age a device counts as due (0: never due, only overdue). */
  dueMonths: number;
  /** Days without checking in with Intune after which a device is stale. */
  staleDays: number;
  /** Days without checking in after which a device is presumed lost (more than staleDays). */
  lostDays: number;
  /** Windows 10 is out of support: Windows PCs must run Windows 11 (upgrade, or replace if they cannot). */
  requireWindows11: boolean;
  /** Whether a noncompliant device that is otherwise current counts as due. */
  noncompliantIsDue: boolean;
};

export const defaultRefreshPolicy: Readonly<RefreshPolicy> = Object.freeze({
  ageYears: 4,
  dueMonths: 6,
  staleDays: 30,
  lostDays: 90,
  requireWindows11: true,
  noncompliantIsDue: false,
});

export type RefreshState =
  | "current"
  | "due"
  | "overdue"
  | "upgrade-to-windows-11"
  | "must-replace"
  | "stale"
  | "lost"
  /** Neither an enrolment date nor a known model: nothing to estimate the age from. */
  | "unknown";

/** Every state, in the order a dashboard shows them. */
export const refreshStates: readonly RefreshState[] = [
  "must-replace",
  "overdue",
  "due",
  "upgrade-to-windows-11",
  "current",
  "stale",
  "lost",
  "unknown",
];

/** The states in which a device may be replaced under the policy (the request flow's eligibility). */
export const replacementStates: readonly RefreshState[] = ["due", "overdue", "must-replace"];

export type DeviceClassification = {
  state: RefreshState;
  /** Why, in plain English, naming the evidence. */
  reason: string;
  /** What the age estimate rests on. */
  ageEvidence: AgeEvidence;
  /** Null when there is no evidence of age. */
  estimatedAgeYears: number | null;
  windows11: Windows11Verdict;
};

/**
 * What classification reads from a synced device. A managed_device row will
 * do; `hardware` may be just its TPM version (the dashboard reads no more).
 */
export type ClassifiableDevice = Windows11Facts &
  Pick<ManagedDeviceTable, "enrolled_at" | "last_sync_at" | "compliance_state">;

/**
 * A classification whose reason is written only when asked for: the dashboard
 * counts 50,000 devices and needs no sentences.
 */
export type Judgement = Omit<DeviceClassification, "reason"> & { reason: () => string };

const DAY_MS = 24 * 3600 * 1000;

/**
 * Classifies a present (not removed) device under the policy as of `now`.
 * Silence comes first (a device nobody can see cannot be swapped), then
 * Windows 11 (a PC that cannot run it must go whatever its age), then age.
 */
export function classifyDevice(device: ClassifiableDevice, policy: RefreshPolicy, now: Date): DeviceClassification {
  const judgement = judgeDevice(device, policy, now);
  return { ...judgement, reason: judgement.reason() };
}

/** `classifyDevice` with the reason left unwritten until asked for. */
export function judgeDevice(device: ClassifiableDevice, policy: RefreshPolicy, now: Date): Judgement {
  const age = estimateAge(device, now);
  const windows11 = windows11Readiness(device);
  const judged = (state: RefreshState, reason: () => string): Judgement => ({
    state,
    reason,
    ageEvidence: age.evidence,
    estimatedAgeYears: age.years,
    windows11: windows11.verdict,
  });

  const lastSeen = device.last_sync_at ?? device.enrolled_at;
  if (lastSeen) {
    const days = Math.floor((now.getTime() - lastSeen.getTime()) / DAY_MS);
    const seen = () => ({ days, date: longDate(lastSeen) });
    if (days >= policy.lostDays) {
      return judged("lost", () => t("refresh.reason.lost", { ...seen(), lostDays: policy.lostDays }));
    }
    if (days >= policy.staleDays) {
      return judged("stale", () => t("refresh.reason.stale", { ...seen(), staleDays: policy.staleDays }));
    }
  }

  if (policy.requireWindows11 && windows11.verdict === "not-capable") {
    return judged("must-replace", () => t("refresh.reason.mustReplace", { why: windows11.why, age: describeAge(age) }));
  }
  const withNote = (sentence: string) => {
    const note = policy.requireWindows11 ? windows11Note(windows11) : "";
    return note ? `${sentence} ${note}` : sentence;
  };
  const upgradable = policy.requireWindows11 && windows11.verdict === "capable";
  const upgrade = () =>
    judged("upgrade-to-windows-11", () => t("refresh.reason.upgrade", { why: windows11.why, age: describeAge(age) }));
  if (age.years === null) return upgradable ? upgrade() : judged("unknown", () => withNote(describeAge(age)));

  const overdueOn = new Date(age.since.getTime() + policy.ageYears * YEAR_MS);
  const dueOn = new Date(overdueOn.getTime() - (policy.dueMonths / 12) * YEAR_MS);
  const because = (key: MessageKey) => () =>
    withNote(t(key, { age: describeAge(age), ageYears: policy.ageYears, date: longDate(overdueOn) }));
  // Past replacement age, a PC is replaced rather than upgraded.
  if (now >= overdueOn) return judged("overdue", because("refresh.reason.overdue"));
  if (upgradable) return upgrade();
  if (now >= dueOn) return judged("due", because("refresh.reason.due"));
  if (policy.noncompliantIsDue && device.compliance_state === "noncompliant") {
    return judged("due", because("refresh.reason.noncompliant"));
  }
  return judged("current", because("refresh.reason.current"));
}

/** What a reason adds about Windows 11 for a Windows 10 PC that stays in an age-based state. */
function windows11Note(readiness: Windows11Readiness): string {
  if (readiness.verdict === "capable") return t("refresh.windows11.couldUpgrade", { why: readiness.why });
  if (readiness.verdict === "unknown") return t("refresh.windows11.undecided", { why: readiness.why });
  return "";
}
