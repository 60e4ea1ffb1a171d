import { Body1, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { t } from "../../../../core/messages/catalogue";
import type { Approval, RequestChange } from "../../api/types";
import { ResourceView } from "../../components/ResourceView";
import { Section } from "../../components/Section";
import { useResource } from "../../data/useResource";
import { ApprovalCard } from "./ApprovalCard";

/** Requests from this manager's people that wait for their decision. */
export function ApprovalsSection() {
  const approvals = useResource("my-approvals", (api) => api.get<{ approvals: Approval[] }>("/my/approvals"));
  const [decided, setDecided] = useState<RequestChange["request"] | null>(null);

  const onDecided = (change: RequestChange) => {
    setDecided(change.request);
    approvals.reload();
  };
  return (
    <Section heading={t("tabs.myIct.approvals")}>
      <div aria-live="polite">
        {decided && (
          <MessageBar intent="success">
            <MessageBarBody>
              {t("tabs.approvals.decided", { reference: decided.reference, status: decided.statusLabel })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ResourceView resource={approvals}>
        {(data) =>
          data.approvals.length === 0 ? (
            <Body1>{t("tabs.myIct.noApprovals")}</Body1>
          ) : (
            data.approvals.map((approval) => (
              <ApprovalCard key={approval.id} approval={approval} onDecided={onDecided} />
            ))
          )
        }
      </ResourceView>
    </Section>
  );
}
