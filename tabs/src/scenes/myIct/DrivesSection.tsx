import { Badge, Body1, Link } from "@fluentui/react-components";
import { t } from "../../../../core/messages/catalogue";
import { type MyDrive, movedStates } from "../../api/migrationTypes";
import { ResourceView } from "../../components/ResourceView";
import { Section } from "../../components/Section";
import { type Column, SimpleTable } from "../../components/SimpleTable";
import { useResource } from "../../data/useResource";

const moved = (d: MyDrive) => movedStates.includes(d.state);

const columns: Column<MyDrive>[] = [
  { key: "drive", header: t("tabs.migration.myDrive"), cell: (d) => d.label },
  {
    key: "state",
    header: t("tabs.migration.column.state"),
    cell: (d) => (
      <Badge appearance="tint" color={moved(d) ? "success" : d.state === "migrating" ? "warning" : "informative"}>
        {d.stateLabel}
      </Badge>
    ),
  },
  { key: "where", header: t("tabs.migration.myDriveWhere"), cell: (d) => d.whereNow },
  {
    key: "link",
    header: t("tabs.migration.myDriveLink"),
    cell: (d) =>
      d.url && moved(d) ? (
        <Link href={d.url} target="_blank" rel="noreferrer">
          {t("tabs.migration.myDriveOpen", { label: d.label })}
        </Link>
      ) : (
        "—"
      ),
  },
];

/** The person's own drives (home drive, their directorate's shared drives) and where each now lives, or when it moves. */
export function DrivesSection() {
  const drives = useResource("my-drives", (api) => api.get<{ drives: MyDrive[] }>("/my/drives"));
  return (
    <Section heading={t("tabs.migration.myDrives")}>
      <ResourceView resource={drives}>
        {(data) =>
          data.drives.length === 0 ? (
            <Body1>{t("tabs.migration.myDrivesNone")}</Body1>
          ) : (
            <>
              <Body1 as="p">{t("tabs.migration.myDrivesIntro")}</Body1>
              <SimpleTable
                label={t("tabs.migration.myDrives")}
                columns={columns}
                rows={data.drives}
                rowKey={(d) => d.id}
              />
            </>
          )
        }
      </ResourceView>
    </Section>
  );
}
