import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { type FormEvent, useMemo, useState } from "react";
import { t } from "../../../../../core/messages/catalogue";
import { ApiError } from "../../../api/apiClient";
import type { PulseSummary } from "../../../api/pulseTypes";
import { ErrorBar } from "../../../components/ErrorBar";
import { Section } from "../../../components/Section";
import { useSignedIn } from "../../../data/apiContext";
import { PreviewPane } from "./PreviewPane";
import { fieldId, PulseFormFields } from "./PulseFormFields";
import { emptyForm, type FieldErrors, type FieldName, fieldErrors, type PulseForm, toDraft } from "./pulseForm";
import { usePulsePreview } from "./usePulsePreview";

const useStyles = makeStyles({
  layout: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 24rem), 1fr))",
    gap: tokens.spacingHorizontalXXL,
    alignItems: "start",
  },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

/** Fields in the order of the form, so that a failed submit focuses the first one with a problem. */
const formOrder: FieldName[] = [
  "title",
  "ratingQuestion",
  "askRecommend",
  "askComment",
  "audienceKind",
  "directorates",
  "sampleSize",
  "ticketsFrom",
  "ticketsTo",
  "scheduleKind",
  "startsAt",
  "until",
  "openDays",
  "anonymous",
  "threshold",
  "remindAfterDays",
];

/**
 * Makes a pulse. The preview beside the form is the server's own card for the
 * draft; the server's field messages are shown beside the fields the person
 * has changed, and beside every field once they try to create it.
 */
export function NewPulse({ onCreated, onBack }: { onCreated: (pulse: PulseSummary) => void; onBack: () => void }) {
  const styles = useStyles();
  const { api } = useSignedIn();
  const [form, setForm] = useState<PulseForm>(() => emptyForm());
  const [changed, setChanged] = useState<ReadonlySet<FieldName>>(new Set());
  const [submitted, setSubmitted] = useState<FieldErrors | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const draft = useMemo(() => toDraft(form), [form]);
  const preview = usePulsePreview(draft);

  const onChange = <K extends FieldName>(name: K, value: PulseForm[K]) => {
    setForm((current) => ({ ...current, [name]: value }));
    setChanged((current) => new Set(current).add(name));
  };

  // The newest word on the draft: the preview's once it has answered for the form as it is now.
  const latest = preview.status === "invalid" ? preview.errors : preview.status === "ready" ? null : submitted;
  const errors: Partial<Record<FieldName, string>> = {};
  for (const [name, message] of Object.entries(latest?.fields ?? {}) as [FieldName, string][]) {
    if (submitted !== null || changed.has(name)) errors[name] = message;
  }
  const general = submitted !== null ? (latest?.general ?? []) : [];

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSaving(true);
    try {
      const { pulse } = await api.post<{ pulse: PulseSummary }>("/ict/pulses", draft);
      onCreated(pulse);
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && error.status === 400) {
        const found = fieldErrors(error.message);
        setSubmitted(found);
        const first = formOrder.find((name) => found.fields[name]);
        if (first) document.getElementById(fieldId(first))?.focus();
      } else setFailure(error);
    }
  };

  const problems = submitted !== null && (Object.keys(errors).length > 0 || general.length > 0);
  return (
    <Section heading={t("tabs.pulses.form.heading")}>
      <div className={styles.buttons}>
        <Button onClick={onBack}>{t("tabs.pulses.back")}</Button>
      </div>
      <div className={styles.layout}>
        <form className={styles.form} onSubmit={create} noValidate aria-label={t("tabs.pulses.form.heading")}>
          <PulseFormFields form={form} errors={errors} onChange={onChange} />
          <div role="alert">
            {problems && (
              <MessageBar intent="error">
                <MessageBarBody>{[t("tabs.pulses.form.checkFields"), ...general].join(" ")}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          {failure !== null && <ErrorBar error={failure} />}
          <div className={styles.buttons}>
            <Button appearance="primary" type="submit" disabled={saving}>
              {saving ? t("tabs.pulses.form.creating") : t("tabs.pulses.form.create")}
            </Button>
            <Button onClick={onBack}>{t("tabs.pulses.form.discard")}</Button>
          </div>
        </form>
        <PreviewPane state={preview} />
      </div>
    </Section>
  );
}
