import { Body1, Button, Link, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { t } from "../../../../../core/messages/catalogue";
import type { PulseSummary } from "../../../api/pulseTypes";
import { ResourceView } from "../../../components/ResourceView";
import { Section } from "../../../components/Section";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { useResource } from "../../../data/useResource";
import { formatDateTime } from "../../../format";
import { lastRunLabel, StatusBadge } from "./pulseLabels";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
});

/** Every pulse, newest first: its status, who it goes to, when, and how the last run was answered. */
export function PulseList({
  created,
  focusFirst,
  onNew,
  onOpen,
}: {
  /** The pulse just made, to say so. */
  created: PulseSummary | null;
  /** Coming back from a pulse or the form, which are gone: focus goes to the top of the list. */
  focusFirst: boolean;
  onNew: () => void;
  onOpen: (id: number) => void;
}) {
  const styles = useStyles();
  const newButton = useRef<HTMLButtonElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the list is shown again.
  useEffect(() => {
    if (focusFirst) newButton.current?.focus();
  }, []);
  const pulses = useResource("ict-pulses", (api) => api.get<{ pulses: PulseSummary[] }>("/ict/pulses"));
  const columns: Column<PulseSummary>[] = [
    {
      key: "title",
      header: t("tabs.pulses.list.title"),
      cell: (p) => (
        <Link as="button" onClick={() => onOpen(p.id)}>
          {p.title}
        </Link>
      ),
    },
    { key: "status", header: t("tabs.pulses.list.status"), cell: (p) => <StatusBadge status={p.status} /> },
    { key: "audience", header: t("tabs.pulses.list.audience"), cell: (p) => p.audienceLabel },
    { key: "schedule", header: t("tabs.pulses.list.schedule"), cell: (p) => p.scheduleLabel },
    {
      key: "next",
      header: t("tabs.pulses.list.nextRun"),
      cell: (p) => (p.nextRunAt ? formatDateTime(p.nextRunAt) : "—"),
    },
    { key: "last", header: t("tabs.pulses.list.lastRun"), cell: lastRunLabel },
  ];
  return (
    <Section heading={t("tabs.pulses.heading")}>
      <div className={styles.bar}>
        <Body1>{t("tabs.pulses.intro")}</Body1>
        <Button ref={newButton} appearance="primary" onClick={onNew}>
          {t("tabs.pulses.new")}
        </Button>
      </div>
      <div aria-live="polite">
        {created && (
          <MessageBar intent="success">
            <MessageBarBody>{t("tabs.pulses.created", { title: created.title })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ResourceView resource={pulses}>
        {(data) =>
          data.pulses.length === 0 ? (
            <Body1>{t("tabs.pulses.none")}</Body1>
          ) : (
            <SimpleTable label={t("tabs.pulses.heading")} columns={columns} rows={data.pulses} rowKey={(p) => p.id} />
          )
        }
      </ResourceView>
    </Section>
  );
}
