import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { t } from "../../../../../core/messages/catalogue";
import { ApiError } from "../../../api/apiClient";
import type { YouSaidWeDid } from "../../../api/pulseTypes";
import { ErrorBar } from "../../../components/ErrorBar";
import { useSignedIn } from "../../../data/apiContext";
import { formatDateTime, formatNumber } from "../../../format";
import { splitProblems } from "./pulseForm";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: "none", display: "grid", gap: tokens.spacingVerticalM },
  item: {
    display: "grid",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  label: { fontWeight: tokens.fontWeightSemibold },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "40rem" },
});

type Errors = { youSaid?: string; weDid?: string; general: string[] };

/**
 * What ICT heard and what they did about it: the ones published, and a form to
 * publish another to everyone who answered the pulse.
 */
export function YouSaidWeDidView({
  pulseId,
  actions,
  onPublished,
}: {
  pulseId: number;
  actions: YouSaidWeDid[];
  /** Reloads the pulse after a publication. */
  onPublished: () => void;
}) {
  const styles = useStyles();
  const { api } = useSignedIn();
  const [youSaid, setYouSaid] = useState("");
  const [weDid, setWeDid] = useState("");
  const [errors, setErrors] = useState<Errors>({ general: [] });
  const [failure, setFailure] = useState<unknown>(null);
  const [published, setPublished] = useState<YouSaidWeDid | null>(null);
  const [sending, setSending] = useState(false);

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ general: [] });
    setFailure(null);
    setPublished(null);
    setSending(true);
    try {
      const { action } = await api.post<{ action: YouSaidWeDid }>(`/ict/pulses/${pulseId}/actions`, {
        youSaid: youSaid.trim(),
        weDid: weDid.trim(),
      });
      setPublished(action);
      setYouSaid("");
      setWeDid("");
      onPublished();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const found: Errors = { general: [] };
        for (const problem of splitProblems(error.message)) {
          if (problem.path === "youSaid" || problem.path === "weDid") found[problem.path] ??= problem.message;
          else found.general.push(problem.message);
        }
        setErrors(found);
      } else setFailure(error);
    } finally {
      setSending(false);
    }
  };

  const shows = (message: string | undefined) =>
    message ? { validationState: "error" as const, validationMessage: message } : { validationState: "none" as const };
  return (
    <>
      {actions.length === 0 ? (
        <Body1>{t("tabs.pulses.actions.none")}</Body1>
      ) : (
        <ul className={styles.list} aria-label={t("tabs.pulses.actions.heading")}>
          {actions.map((action) => (
            <li key={action.id} className={styles.item}>
              <Body1>
                <span className={styles.label}>{t("tabs.pulses.actions.youSaid")}: </span>
                {action.youSaid}
              </Body1>
              <Body1>
                <span className={styles.label}>{t("tabs.pulses.actions.weDid")}: </span>
                {action.weDid}
              </Body1>
              <Caption1>
                {t("tabs.pulses.actions.publishedBy", {
                  when: formatDateTime(action.publishedAt),
                  who: action.publishedBy,
                  recipients: formatNumber(action.recipients),
                })}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <form className={styles.form} onSubmit={publish} noValidate aria-label={t("tabs.pulses.actions.formLabel")}>
        <Field
          label={t("tabs.pulses.actions.youSaid")}
          hint={t("tabs.pulses.actions.youSaidHint")}
          {...shows(errors.youSaid)}
        >
          <Textarea value={youSaid} onChange={(_e, data) => setYouSaid(data.value)} maxLength={500} resize="vertical" />
        </Field>
        <Field
          label={t("tabs.pulses.actions.weDid")}
          hint={t("tabs.pulses.actions.weDidHint")}
          {...shows(errors.weDid)}
        >
          <Textarea value={weDid} onChange={(_e, data) => setWeDid(data.value)} maxLength={1000} resize="vertical" />
        </Field>
        <div aria-live="polite">
          {published && (
            <MessageBar intent="success">
              <MessageBarBody>
                {t("tabs.pulses.actions.published", { recipients: formatNumber(published.recipients) })}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        {errors.general.length > 0 && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{errors.general.join(" ")}</MessageBarBody>
          </MessageBar>
        )}
        {failure !== null && <ErrorBar error={failure} />}
        <div>
          <Button appearance="primary" type="submit" disabled={sending}>
            {t("tabs.pulses.actions.publish")}
          </Button>
        </div>
      </form>
    </>
  );
}
