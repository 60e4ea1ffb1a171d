import { Badge, type BadgeProps } from "@fluentui/react-components";
import { type MessageKey, t } from "../../../../../core/messages/catalogue";
import type { PulseStatus, PulseSummary } from "../../../api/pulseTypes";
import { formatNumber, formatPercent } from "../../../format";

const statusColours: Record<PulseStatus, BadgeProps["color"]> = {
  scheduled: "informative",
  open: "success",
  closed: "subtle",
  cancelled: "warning",
};

/** A pulse's status, in words with a colour beside them (never the colour alone). */
export function StatusBadge({ status }: { status: PulseStatus }) {
  return (
    <Badge appearance="tint" color={statusColours[status]}>
      {t(`tabs.pulses.status.${status}` as MessageKey)}
    </Badge>
  );
}

/** "12 of 40 (30%)", or that nothing has been sent yet. */
export function lastRunLabel(pulse: PulseSummary): string {
  const run = pulse.lastRun;
  if (!run) return t("tabs.pulses.list.notSent");
  return t("tabs.pulses.responseRate", {
    responded: formatNumber(run.responded),
    invited: formatNumber(run.invited),
    rate: formatPercent(run.responseRate),
  });
}

/** A figure that may be missing (not shown, or not asked). */
export const orDash = (value: number | null, show: (n: number) => string = (n) => n.toFixed(1)) =>
  value === null ? "—" : show(value);
