import {
  Body1,
  Button,
  Card,
  CardHeader,
  Field,
  makeStyles,
  Subtitle2,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { type ReactNode, useState } from "react";
import { t } from "../../../../core/messages/catalogue";
import type { Approval, RequestChange } from "../../api/types";
import { ErrorBar } from "../../components/ErrorBar";
import { useSignedIn } from "../../data/apiContext";
import { formatDay } from "../../format";

const useStyles = makeStyles({
  facts: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  devices: { margin: 0, paddingLeft: "1.2em" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** One request waiting for this manager: what was asked and why, and the decision with a comment. */
export function ApprovalCard({
  approval,
  onDecided,
}: {
  approval: Approval;
  onDecided: (change: RequestChange) => void;
}) {
  const styles = useStyles();
  const { api } = useSignedIn();
  const [comment, setComment] = useState("");
  const [needsReason, setNeedsReason] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function decide(approve: boolean) {
    if (!approve && !comment.trim()) {
      setNeedsReason(true);
      return;
    }
    setSending(true);
    setError(null);
    try {
      const change = await api.post<RequestChange>(`/my/approvals/${approval.id}/decision`, {
        approve,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      onDecided(change);
    } catch (caught) {
      setError(caught);
      setSending(false);
    }
  }

  const devices =
    approval.devices.length === 0 ? (
      "—"
    ) : (
      <ul className={styles.devices}>
        {approval.devices.map((d) => (
          <li key={d.name}>{`${d.name}${d.model ? ` (${d.model})` : ""}: ${d.reason}`}</li>
        ))}
      </ul>
    );
  const facts: [string, ReactNode][] = [
    [t("tabs.approvals.kind"), approval.kindLabel],
    [t("tabs.approvals.reason"), approval.reason],
    [t("tabs.approvals.urgency"), approval.urgencyLabel],
    [t("tabs.approvals.eligibility"), approval.eligibilityLabel],
    ...(approval.justification
      ? ([[t("tabs.approvals.justification"), approval.justification]] as [string, ReactNode][])
      : []),
    [t("tabs.approvals.devices"), devices],
    [t("tabs.approvals.asked"), formatDay(approval.createdAt)],
  ];
  return (
    <Card>
      <CardHeader
        header={
          <Subtitle2 as="h3">
            {t("tabs.approvals.cardHeading", { reference: approval.reference, requester: approval.requesterName })}
          </Subtitle2>
        }
      />
      <dl className={styles.facts}>
        {facts.map(([term, detail]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{typeof detail === "string" ? <Body1>{detail}</Body1> : detail}</dd>
          </div>
        ))}
      </dl>
      <Field
        label={t("tabs.approvals.comment")}
        hint={t("tabs.approvals.commentHint")}
        validationMessage={needsReason && !comment.trim() ? t("tabs.approvals.reasonNeeded") : undefined}
      >
        <Textarea value={comment} resize="vertical" onChange={(_e, data) => setComment(data.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={sending} onClick={() => decide(true)}>
          {t("tabs.approvals.approve")}
        </Button>
        <Button disabled={sending} onClick={() => decide(false)}>
          {t("tabs.approvals.reject")}
        </Button>
      </div>
      {error !== null && <ErrorBar error={error} />}
    </Card>
  );
}
