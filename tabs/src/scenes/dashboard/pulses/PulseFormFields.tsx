import {
  Body1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { t } from "../../../../../core/messages/catalogue";
import type { RefreshSummary } from "../../../api/types";
import { ErrorBar } from "../../../components/ErrorBar";
import { useResource } from "../../../data/useResource";
import type { FieldName, PulseForm } from "./pulseForm";

const useStyles = makeStyles({
  group: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  subLegend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  choices: { display: "flex", flexDirection: "column" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** A titled part of the form. */
function Group({ legend, children }: { legend: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** The id of each field's control, so that a failed submit can move focus to the first problem. */
export const fieldId = (name: FieldName) => `pulse-field-${name}`;

/**
 * The fields of a new pulse. `errors` holds the API's message for each field
 * that should show one now; every control is labelled and in reading order.
 */
export function PulseFormFields({
  form,
  errors,
  onChange,
}: {
  form: PulseForm;
  errors: Partial<Record<FieldName, string>>;
  onChange: <K extends FieldName>(name: K, value: PulseForm[K]) => void;
}) {
  const styles = useStyles();
  /** Field's props for a named field: its error beside it, when there is one. */
  const shows = (name: FieldName) =>
    errors[name]
      ? { validationState: "error" as const, validationMessage: errors[name] }
      : { validationState: "none" as const };
  const text = (name: FieldName & keyof PulseForm) => ({
    id: fieldId(name),
    value: form[name] as string,
    onChange: (_e: unknown, data: { value: string }) => onChange(name, data.value as never),
  });
  const recurring = form.scheduleKind !== "once";

  return (
    <>
      <Group legend={t("tabs.pulses.form.questions")}>
        <Field label={t("tabs.pulses.form.title")} hint={t("tabs.pulses.form.titleHint")} required {...shows("title")}>
          {/* The form replaces the list and the button that opened it: typing starts at its first field. */}
          <Input {...text("title")} maxLength={120} autoFocus />
        </Field>
        <Field
          label={t("tabs.pulses.form.ratingQuestion")}
          hint={t("tabs.pulses.form.ratingQuestionHint")}
          required
          {...shows("ratingQuestion")}
        >
          <Textarea {...text("ratingQuestion")} maxLength={300} resize="vertical" />
        </Field>
        <Field {...shows("askRecommend")}>
          <Checkbox
            id={fieldId("askRecommend")}
            checked={form.askRecommend}
            onChange={(_e, data) => onChange("askRecommend", data.checked === true)}
            label={t("tabs.pulses.form.askRecommend")}
          />
        </Field>
        <Field {...shows("askComment")}>
          <Checkbox
            id={fieldId("askComment")}
            checked={form.askComment}
            onChange={(_e, data) => onChange("askComment", data.checked === true)}
            label={t("tabs.pulses.form.askComment")}
          />
        </Field>
      </Group>

      <Group legend={t("tabs.pulses.form.audience")}>
        <Field label={t("tabs.pulses.form.audienceKind")} {...shows("audienceKind")}>
          <RadioGroup
            id={fieldId("audienceKind")}
            value={form.audienceKind}
            onChange={(_e, data) => onChange("audienceKind", data.value as PulseForm["audienceKind"])}
          >
            <Radio value="all" label={t("tabs.pulses.form.audience.all")} />
            <Radio value="directorates" label={t("tabs.pulses.form.audience.directorates")} />
            <Radio value="sample" label={t("tabs.pulses.form.audience.sample")} />
            <Radio value="resolvedTickets" label={t("tabs.pulses.form.audience.resolvedTickets")} />
          </RadioGroup>
        </Field>
        {form.audienceKind === "directorates" && (
          <DirectoratePicker
            chosen={form.directorates}
            error={errors.directorates}
            onChange={(chosen) => onChange("directorates", chosen)}
          />
        )}
        {form.audienceKind === "sample" && (
          <Field
            label={t("tabs.pulses.form.sampleSize")}
            hint={t("tabs.pulses.form.sampleSizeHint")}
            {...shows("sampleSize")}
          >
            <Input {...text("sampleSize")} type="number" min={10} max={100000} inputMode="numeric" />
          </Field>
        )}
        {form.audienceKind === "resolvedTickets" && (
          <div className={styles.row}>
            <Field label={t("tabs.pulses.form.ticketsFrom")} {...shows("ticketsFrom")}>
              <Input {...text("ticketsFrom")} type="date" />
            </Field>
            <Field label={t("tabs.pulses.form.ticketsTo")} {...shows("ticketsTo")}>
              <Input {...text("ticketsTo")} type="date" />
            </Field>
          </div>
        )}
      </Group>

      <Group legend={t("tabs.pulses.form.schedule")}>
        <Field label={t("tabs.pulses.form.scheduleKind")} {...shows("scheduleKind")}>
          <RadioGroup
            id={fieldId("scheduleKind")}
            value={form.scheduleKind}
            onChange={(_e, data) => onChange("scheduleKind", data.value as PulseForm["scheduleKind"])}
          >
            <Radio value="once" label={t("tabs.pulses.form.schedule.once")} />
            <Radio value="monthly" label={t("tabs.pulses.form.schedule.monthly")} />
            <Radio value="quarterly" label={t("tabs.pulses.form.schedule.quarterly")} />
          </RadioGroup>
        </Field>
        <div className={styles.row}>
          <Field
            label={recurring ? t("tabs.pulses.form.firstRunAt") : t("tabs.pulses.form.sendAt")}
            hint={t("tabs.pulses.form.sendAtHint")}
            {...shows("startsAt")}
          >
            <Input {...text("startsAt")} type="datetime-local" />
          </Field>
          {recurring && (
            <Field label={t("tabs.pulses.form.until")} hint={t("tabs.pulses.form.untilHint")} {...shows("until")}>
              <Input {...text("until")} type="date" />
            </Field>
          )}
        </div>
        <Field label={t("tabs.pulses.form.openDays")} hint={t("tabs.pulses.form.openDaysHint")} {...shows("openDays")}>
          <Input {...text("openDays")} type="number" min={1} max={60} inputMode="numeric" />
        </Field>
      </Group>

      <Group legend={t("tabs.pulses.form.privacy")}>
        <Field hint={t("tabs.pulses.form.anonymousHint")} {...shows("anonymous")}>
          <Switch
            id={fieldId("anonymous")}
            checked={form.anonymous}
            onChange={(_e, data) => onChange("anonymous", data.checked)}
            label={t("tabs.pulses.form.anonymous")}
          />
        </Field>
        <Field
          label={t("tabs.pulses.form.threshold")}
          hint={t("tabs.pulses.form.thresholdHint")}
          {...shows("threshold")}
        >
          <Input {...text("threshold")} type="number" min={5} max={100} inputMode="numeric" />
        </Field>
        <Switch
          checked={form.remind}
          onChange={(_e, data) => onChange("remind", data.checked)}
          label={t("tabs.pulses.form.remind")}
        />
        {form.remind && (
          <Field
            label={t("tabs.pulses.form.remindAfterDays")}
            hint={t("tabs.pulses.form.remindAfterDaysHint")}
            {...shows("remindAfterDays")}
          >
            <Input {...text("remindAfterDays")} type="number" min={1} max={59} inputMode="numeric" />
          </Field>
        )}
      </Group>
    </>
  );
}

/** Directorates as the directory spells them, from the refresh summary (the same synced directory). */
function DirectoratePicker({
  chosen,
  error,
  onChange,
}: {
  chosen: string[];
  error: string | undefined;
  onChange: (chosen: string[]) => void;
}) {
  const styles = useStyles();
  const errorId = useId();
  const summary = useResource("refresh-summary", (api) => api.get<RefreshSummary>("/ict/refresh/summary"));
  let choices: ReactNode;
  if (summary.status === "loading") choices = <Spinner size="tiny" label={t("tabs.loadingSection")} />;
  else if (summary.status === "failed") choices = <ErrorBar error={summary.error} onRetry={summary.reload} />;
  else {
    const names = summary.data.byDirectorate.flatMap((row) => (row.key === null ? [] : [row.key]));
    choices =
      names.length === 0 ? (
        <Body1>{t("tabs.pulses.form.noDirectorates")}</Body1>
      ) : (
        <div className={styles.choices}>
          {names.map((name, index) => (
            <Checkbox
              key={name}
              id={index === 0 ? fieldId("directorates") : undefined}
              label={name}
              checked={chosen.includes(name)}
              onChange={(_e, data) =>
                onChange(data.checked === true ? [...chosen, name] : chosen.filter((d) => d !== name))
              }
            />
          ))}
        </div>
      );
  }
  return (
    <fieldset
      className={styles.group}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className={styles.subLegend}>{t("tabs.pulses.form.directorates")}</legend>
      {choices}
      {error && (
        <Body1 id={errorId} className={styles.error}>
          {t("tabs.pulses.form.fieldError", { message: error })}
        </Body1>
      )}
    </fieldset>
  );
}
