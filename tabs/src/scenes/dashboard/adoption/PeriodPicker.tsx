import { Caption1, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import type { AdoptionOverview, PeriodKind } from "../../../../../core/adoption/adoptionApi";
import { t } from "../../../../../core/messages/catalogue";
import { formatCalendarDay, periodName } from "./adoptionFormat";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "end" },
});

/** Week or month, and which one: the periods with data, newest first, a part-covered one saying so. */
export function PeriodPicker({
  overview,
  onChoose,
}: {
  overview: AdoptionOverview;
  /** A new kind starts at its newest period (null). */
  onChoose: (period: PeriodKind, start: string | null) => void;
}) {
  const styles = useStyles();
  const covered = overview.periods.find((p) => p.start === overview.start);
  return (
    <div className={styles.row}>
      <Field label={t("tabs.adoption.period.kind")}>
        <Select value={overview.period} onChange={(_e, data) => onChoose(data.value as PeriodKind, null)}>
          <option value="week">{t("tabs.adoption.period.week")}</option>
          <option value="month">{t("tabs.adoption.period.month")}</option>
        </Select>
      </Field>
      {overview.periods.length > 0 && (
        <Field label={t("tabs.adoption.period.which")}>
          <Select value={overview.start} onChange={(_e, data) => onChoose(overview.period, data.value)}>
            {overview.periods.map((p) => (
              <option key={p.start} value={p.start}>
                {periodName(overview.period, p.start)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Caption1>
        {t("tabs.adoption.period.range", {
          from: formatCalendarDay(overview.start),
          to: formatCalendarDay(overview.end),
          days: covered?.daysCovered ?? 0,
        })}
        {overview.latestDay && ` ${t("tabs.adoption.period.latest", { day: formatCalendarDay(overview.latestDay) })}`}
      </Caption1>
    </div>
  );
}
