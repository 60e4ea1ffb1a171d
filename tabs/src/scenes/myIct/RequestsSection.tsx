import { Body1 } from "@fluentui/react-components";
import { t } from "../../../../core/messages/catalogue";
import type { MyRequest } from "../../api/types";
import { ResourceView } from "../../components/ResourceView";
import { Section } from "../../components/Section";
import { type Column, SimpleTable } from "../../components/SimpleTable";
import type { Resource } from "../../data/useResource";
import { formatDay } from "../../format";

const columns: Column<MyRequest>[] = [
  { key: "reference", header: t("tabs.requests.reference"), cell: (r) => r.reference },
  { key: "kind", header: t("tabs.requests.kind"), cell: (r) => r.kindLabel },
  { key: "status", header: t("tabs.requests.status"), cell: (r) => r.statusLabel },
  { key: "approver", header: t("tabs.requests.approver"), cell: (r) => r.approver ?? "—" },
  { key: "created", header: t("tabs.requests.created"), cell: (r) => formatDay(r.createdAt) },
];

/** The person's device requests and where each one is. */
export function RequestsSection({ requests }: { requests: Resource<{ requests: MyRequest[] }> }) {
  return (
    <Section heading={t("tabs.myIct.requests")}>
      <ResourceView resource={requests}>
        {(data) =>
          data.requests.length === 0 ? (
            <Body1>{t("tabs.myIct.noRequests")}</Body1>
          ) : (
            <SimpleTable label={t("tabs.myIct.requests")} columns={columns} rows={data.requests} rowKey={(r) => r.id} />
          )
        }
      </ResourceView>
    </Section>
  );
}
