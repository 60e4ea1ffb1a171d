import { Body1 } from "@fluentui/react-components";
import { t } from "../../../../core/messages/catalogue";
import type { MyTicket } from "../../api/types";
import { ResourceView } from "../../components/ResourceView";
import { Section } from "../../components/Section";
import { type Column, SimpleTable } from "../../components/SimpleTable";
import type { Resource } from "../../data/useResource";
import { formatDay } from "../../format";

const columns: Column<MyTicket>[] = [
  { key: "reference", header: t("tabs.tickets.reference"), cell: (r) => r.reference },
  { key: "subject", header: t("tabs.tickets.subject"), cell: (r) => r.subject },
  { key: "status", header: t("tabs.tickets.status"), cell: (r) => r.statusLabel },
  { key: "created", header: t("tabs.tickets.created"), cell: (r) => formatDay(r.createdAt) },
];

/** The person's service-desk tickets and their states. */
export function TicketsSection({ tickets }: { tickets: Resource<{ tickets: MyTicket[] }> }) {
  return (
    <Section heading={t("tabs.myIct.tickets")}>
      <ResourceView resource={tickets}>
        {(data) =>
          data.tickets.length === 0 ? (
            <Body1>{t("tabs.myIct.noTickets")}</Body1>
          ) : (
            <SimpleTable label={t("tabs.myIct.tickets")} columns={columns} rows={data.tickets} rowKey={(r) => r.id} />
          )
        }
      </ResourceView>
    </Section>
  );
}
