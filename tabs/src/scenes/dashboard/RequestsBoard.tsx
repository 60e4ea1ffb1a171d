import { Body1, Button, MessageBar, MessageBarBody, Tab, TabList } from "@fluentui/react-components";
import { useState } from "react";
import { t } from "../../../../core/messages/catalogue";
import type { IctRequest, RequestChange, RequestStage } from "../../api/types";
import { ErrorBar } from "../../components/ErrorBar";
import { ResourceView } from "../../components/ResourceView";
import { Section } from "../../components/Section";
import { type Column, SimpleTable } from "../../components/SimpleTable";
import { useSignedIn } from "../../data/apiContext";
import { useResource } from "../../data/useResource";
import { formatDay } from "../../format";

const stages: RequestStage[] = ["pending", "approved", "fulfilment"];

/** Device requests by stage, with the next fulfilment step as a button. */
export function RequestsBoard() {
  const { api } = useSignedIn();
  const [stage, setStage] = useState<RequestStage>("pending");
  const [moved, setMoved] = useState<RequestChange["request"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const requests = useResource(`ict-requests-${stage}`, (client) =>
    client.get<{ requests: IctRequest[] }>(`/ict/requests?stage=${stage}`),
  );

  const fulfil = async (request: IctRequest) => {
    setError(null);
    try {
      const change = await api.post<RequestChange>(`/ict/requests/${request.id}/fulfil`, { to: request.nextStep });
      setMoved(change.request);
      requests.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const columns: Column<IctRequest>[] = [
    { key: "reference", header: t("tabs.requests.reference"), cell: (r) => r.reference },
    { key: "requester", header: t("tabs.ictRequests.requester"), cell: (r) => r.requesterName },
    { key: "kind", header: t("tabs.requests.kind"), cell: (r) => r.kindLabel },
    { key: "status", header: t("tabs.requests.status"), cell: (r) => r.statusLabel },
    { key: "approver", header: t("tabs.requests.approver"), cell: (r) => r.approver ?? "—" },
    { key: "created", header: t("tabs.requests.created"), cell: (r) => formatDay(r.createdAt) },
    {
      key: "action",
      header: t("tabs.ictRequests.nextStep"),
      cell: (r) =>
        r.nextStep && r.nextStepLabel ? (
          <Button size="small" onClick={() => fulfil(r)}>
            {r.nextStepLabel}
          </Button>
        ) : (
          "—"
        ),
    },
  ];
  return (
    <Section heading={t("tabs.ictRequests.heading")}>
      <TabList
        style={{ flexWrap: "wrap" }}
        selectedValue={stage}
        onTabSelect={(_e, data) => setStage(data.value as RequestStage)}
        aria-label={t("tabs.ictRequests.stages")}
      >
        {stages.map((s) => (
          <Tab key={s} value={s}>
            {t(`tabs.ictRequests.stage.${s}`)}
          </Tab>
        ))}
      </TabList>
      <div aria-live="polite">
        {moved && (
          <MessageBar intent="success">
            <MessageBarBody>
              {t("tabs.ictRequests.moved", { reference: moved.reference, status: moved.statusLabel })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {error !== null && <ErrorBar error={error} />}
      <ResourceView resource={requests}>
        {(data) =>
          data.requests.length === 0 ? (
            <Body1>{t("tabs.ictRequests.none")}</Body1>
          ) : (
            <SimpleTable
              label={t("tabs.ictRequests.heading")}
              columns={columns}
              rows={data.requests}
              rowKey={(r) => r.id}
            />
          )
        }
      </ResourceView>
    </Section>
  );
}
