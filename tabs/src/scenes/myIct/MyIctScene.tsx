import { t } from "../../../../core/messages/catalogue";
import type { MyRequest, MyTicket } from "../../api/types";
import { Scene } from "../../components/Scene";
import { useSignedIn } from "../../data/apiContext";
import { useResource } from "../../data/useResource";
import { ApprovalsSection } from "./ApprovalsSection";
import { DevicesSection } from "./DevicesSection";
import { DrivesSection } from "./DrivesSection";
import { RaiseTicketForm } from "./RaiseTicketForm";
import { RequestsSection } from "./RequestsSection";
import { SelfHelpSearch } from "./SelfHelpSearch";
import { TicketsSection } from "./TicketsSection";

/** My ICT: everyone's own devices, requests and tickets, a manager's approvals, and help. */
export function MyIctScene() {
  const { me } = useSignedIn();
  const requests = useResource("my-requests", (api) => api.get<{ requests: MyRequest[] }>("/my/requests"));
  const tickets = useResource("my-tickets", (api) => api.get<{ tickets: MyTicket[] }>("/my/tickets"));
  return (
    <Scene heading={t("tabs.myIct.heading")}>
      <SelfHelpSearch />
      {(me.roles.includes("manager") || me.roles.includes("ict")) && <ApprovalsSection />}
      <DevicesSection />
      <DrivesSection />
      <RequestsSection requests={requests} />
      <TicketsSection tickets={tickets} />
      <RaiseTicketForm onRaised={tickets.reload} />
    </Scene>
  );
}
