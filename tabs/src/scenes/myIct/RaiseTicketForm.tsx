import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { t } from "../../../../core/messages/catalogue";
import { ErrorBar } from "../../components/ErrorBar";
import { Section } from "../../components/Section";
import { useSignedIn } from "../../data/apiContext";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "40rem" },
  submit: { alignSelf: "start" },
});

type Outcome =
  | { status: "idle" | "sending" }
  | { status: "raised"; reference: string }
  | { status: "failed"; error: unknown };

/** Raises a service-desk ticket, as "Talk to someone" does in the bot. */
export function RaiseTicketForm({ onRaised }: { onRaised: () => void }) {
  const styles = useStyles();
  const { api } = useSignedIn();
  const [subject, setSubject] = useState("");
  const [description, setDescription] = useState("");
  const [tried, setTried] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle" });

  async function raise(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!subject.trim() || !description.trim()) return;
    setOutcome({ status: "sending" });
    try {
      const { ticket } = await api.post<{ ticket: { id: number; reference: string } }>("/tickets", {
        subject: subject.trim(),
        description: description.trim(),
      });
      setOutcome({ status: "raised", reference: ticket.reference });
      setSubject("");
      setDescription("");
      setTried(false);
      onRaised();
    } catch (error) {
      setOutcome({ status: "failed", error });
    }
  }

  const missing = (value: string) => (tried && !value.trim() ? t("tabs.ticket.required") : undefined);
  return (
    <Section heading={t("tabs.ticket.heading")}>
      <form className={styles.form} onSubmit={raise} noValidate>
        <Field label={t("tabs.ticket.subject")} required validationMessage={missing(subject)}>
          <Input value={subject} maxLength={200} onChange={(_e, data) => setSubject(data.value)} />
        </Field>
        <Field label={t("tabs.ticket.description")} required validationMessage={missing(description)}>
          <Textarea value={description} resize="vertical" onChange={(_e, data) => setDescription(data.value)} />
        </Field>
        <Button className={styles.submit} type="submit" appearance="primary" disabled={outcome.status === "sending"}>
          {t("tabs.ticket.submit")}
        </Button>
      </form>
      <div aria-live="polite">
        {outcome.status === "raised" && (
          <MessageBar intent="success">
            <MessageBarBody>{t("tabs.ticket.raised", { reference: outcome.reference })}</MessageBarBody>
          </MessageBar>
        )}
        {outcome.status === "failed" && <ErrorBar error={outcome.error} />}
      </div>
    </Section>
  );
}
