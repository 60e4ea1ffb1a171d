import { Body1 } from "@fluentui/react-components";
import { t } from "../../../../core/messages/catalogue";
import type { MyDevice, MyDevices } from "../../api/types";
import { LastSynced } from "../../components/LastSynced";
import { ResourceView } from "../../components/ResourceView";
import { Section } from "../../components/Section";
import { type Column, SimpleTable } from "../../components/SimpleTable";
import { StateBadge } from "../../components/StateBadge";
import { useResource } from "../../data/useResource";

const columns: Column<MyDevice>[] = [
  { key: "name", header: t("tabs.devices.name"), cell: (d) => d.name },
  { key: "model", header: t("tabs.devices.model"), cell: (d) => d.model ?? "—" },
  {
    key: "os",
    header: t("tabs.devices.os"),
    cell: (d) => [d.operatingSystem, d.osVersion].filter(Boolean).join(" ") || "—",
  },
  { key: "state", header: t("tabs.devices.state"), cell: (d) => <StateBadge state={d.state} label={d.stateLabel} /> },
  { key: "reason", header: t("tabs.devices.reason"), cell: (d) => d.reason },
];

/** The person's devices from Intune, each with its refresh state and why. */
export function DevicesSection() {
  const devices = useResource("my-devices", (api) => api.get<MyDevices>("/my/devices"));
  return (
    <Section heading={t("tabs.myIct.devices")}>
      <ResourceView resource={devices}>
        {(data) => (
          <>
            <LastSynced at={data.syncedAt} />
            {data.devices.length === 0 ? (
              <Body1>{t("tabs.myIct.noDevices")}</Body1>
            ) : (
              <SimpleTable label={t("tabs.myIct.devices")} columns={columns} rows={data.devices} rowKey={(d) => d.id} />
            )}
          </>
        )}
      </ResourceView>
    </Section>
  );
}
