import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { t } from "../../../../../core/messages/catalogue";
import { ApiError } from "../../../api/apiClient";
import type { PulseDelivery, PulseDetail, PulseSummary } from "../../../api/pulseTypes";
import { ErrorBar } from "../../../components/ErrorBar";
import { ResourceView } from "../../../components/ResourceView";
import { Section } from "../../../components/Section";
import { useSignedIn } from "../../../data/apiContext";
import { useResource } from "../../../data/useResource";
import { formatDateTime, formatNumber } from "../../../format";
import { DeliveryView } from "./DeliveryView";
import { DistributionChart } from "./DistributionChart";
import { Figures } from "./Figures";
import { Part } from "./Part";
import { PulseTrend } from "./PulseTrend";
import { lastRunLabel } from "./pulseLabels";
import { RunResultsView } from "./RunResultsView";
import { YouSaidWeDidView } from "./YouSaidWeDidView";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, minWidth: 0 },
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
});

/** One pulse: what it is, its results run by run, the trend, after-ticket scores, "you said, we did" and delivery. */
export function PulseDetailView({ id, onBack }: { id: number; onBack: () => void }) {
  const styles = useStyles();
  const [readAt, setReadAt] = useState(() => new Date().toISOString());
  const detail = useResource(`ict-pulse-${id}`, async (api) => {
    const answer = await api.get<PulseDetail>(`/ict/pulses/${id}`);
    setReadAt(new Date().toISOString());
    return answer;
  });
  const delivery = useResource(`ict-pulse-${id}-delivery`, (api) =>
    api.get<PulseDelivery>(`/ict/pulses/${id}/delivery`),
  );
  const reload = () => {
    detail.reload();
    delivery.reload();
  };
  const back = useRef<HTMLButtonElement>(null);
  // Opening a pulse replaces the list: focus goes to the way back, at the top of what replaced it.
  useEffect(() => back.current?.focus(), []);

  return (
    <div className={styles.column}>
      <div className={styles.bar}>
        <Button ref={back} onClick={onBack}>
          {t("tabs.pulses.back")}
        </Button>
      </div>
      <ResourceView resource={detail}>
        {(data) => (
          <Section heading={data.pulse.title}>
            <div className={styles.column}>
              <Figures
                items={[
                  [t("tabs.pulses.list.status"), t(`tabs.pulses.status.${data.pulse.status}`)],
                  [t("tabs.pulses.list.audience"), data.pulse.audienceLabel],
                  [t("tabs.pulses.list.schedule"), data.pulse.scheduleLabel],
                  [t("tabs.pulses.list.nextRun"), data.pulse.nextRunAt ? formatDateTime(data.pulse.nextRunAt) : "—"],
                  [t("tabs.pulses.list.lastRun"), lastRunLabel(data.pulse)],
                  [t("tabs.pulses.detail.openDays"), formatNumber(data.draft.openDays)],
                  [
                    t("tabs.pulses.detail.anonymous"),
                    data.pulse.anonymous ? t("tabs.pulses.detail.yes") : t("tabs.pulses.detail.no"),
                  ],
                  [t("tabs.pulses.detail.threshold"), formatNumber(data.pulse.threshold)],
                  [
                    t("tabs.pulses.detail.reminder"),
                    data.draft.remindAfterDays === null
                      ? t("tabs.pulses.detail.noReminder")
                      : t("tabs.pulses.detail.reminderAfter", { days: data.draft.remindAfterDays }),
                  ],
                  [
                    t("tabs.pulses.detail.created"),
                    t("tabs.pulses.detail.createdBy", {
                      who: data.pulse.createdBy,
                      when: formatDateTime(data.pulse.createdAt),
                    }),
                  ],
                ]}
              />
              <PulseActions pulse={data.pulse} onChanged={reload} />
              <Part heading={t("tabs.pulses.results.heading")}>
                <RunsView data={data} readAt={readAt} />
              </Part>
              <Part heading={t("tabs.pulses.trend.heading")}>
                {data.trend.length === 0 ? (
                  <Body1>{t("tabs.pulses.results.noRuns")}</Body1>
                ) : (
                  <PulseTrend trend={data.trend} readAt={readAt} />
                )}
              </Part>
              <Part heading={t("tabs.pulses.afterTicket.heading", { days: data.afterTicket.periodDays })}>
                <Figures
                  items={[
                    [t("tabs.pulses.afterTicket.responses"), formatNumber(data.afterTicket.responses)],
                    [
                      t("tabs.pulses.results.mean"),
                      data.afterTicket.mean === null ? "—" : data.afterTicket.mean.toFixed(1),
                    ],
                  ]}
                />
                {data.afterTicket.distribution && data.afterTicket.responses > 0 ? (
                  <DistributionChart
                    title={t("tabs.pulses.afterTicket.distribution")}
                    counts={data.afterTicket.distribution}
                    syncedAt={readAt}
                  />
                ) : (
                  <Body1>{t("tabs.pulses.afterTicket.none", { days: data.afterTicket.periodDays })}</Body1>
                )}
              </Part>
              <Part heading={t("tabs.pulses.actions.heading")}>
                <YouSaidWeDidView pulseId={data.pulse.id} actions={data.actions} onPublished={reload} />
              </Part>
              <Part heading={t("tabs.pulses.delivery.heading")}>
                <DeliveryView pulseId={data.pulse.id} delivery={delivery} runs={data.runs} />
              </Part>
            </div>
          </Section>
        )}
      </ResourceView>
    </div>
  );
}

/** The runs' results, one at a time, newest first, chosen from a list when there are several. */
function RunsView({ data, readAt }: { data: PulseDetail; readAt: string }) {
  const [chosen, setChosen] = useState<number | null>(null);
  const run = data.runs.find((r) => r.id === chosen) ?? data.runs[0];
  if (!run) return <Body1>{t("tabs.pulses.results.noRuns")}</Body1>;
  return (
    <>
      {data.runs.length > 1 && (
        <Field label={t("tabs.pulses.results.chooseRun")}>
          <Select value={String(run.id)} onChange={(_e, choice) => setChosen(Number(choice.value))}>
            {data.runs.map((r) => (
              <option key={r.id} value={r.id}>
                {formatDateTime(r.sentAt)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <RunResultsView run={run} draft={data.draft} readAt={readAt} />
    </>
  );
}

/** Send a reminder to those who have not answered, or cancel the pulse after a confirmation. */
function PulseActions({ pulse, onChanged }: { pulse: PulseSummary; onChanged: () => void }) {
  const styles = useStyles();
  const { api } = useSignedIn();
  const [said, setSaid] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const act = async (doIt: () => Promise<string>) => {
    setSaid(null);
    setFailure(null);
    setBusy(true);
    try {
      setSaid(await doIt());
      onChanged();
    } catch (error) {
      // 409 from remind: no run is open, which is worth saying in words of its own.
      if (error instanceof ApiError && error.status === 409) setSaid(t("tabs.pulses.remind.noOpenRun"));
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const remind = () =>
    act(async () => {
      const { queued } = await api.post<{ queued: number }>(`/ict/pulses/${pulse.id}/remind`, {});
      return t("tabs.pulses.remind.queued", { queued: formatNumber(queued) });
    });
  const cancel = () =>
    act(async () => {
      setConfirming(false);
      await api.post<{ pulse: PulseSummary }>(`/ict/pulses/${pulse.id}/cancel`, {});
      return t("tabs.pulses.cancel.done", { title: pulse.title });
    });

  const cancellable = pulse.status === "scheduled" || pulse.status === "open";
  return (
    <>
      <div className={styles.bar}>
        <Button onClick={remind} disabled={busy || pulse.status !== "open"}>
          {t("tabs.pulses.remind.button")}
        </Button>
        <Dialog open={confirming} onOpenChange={(_e, data) => setConfirming(data.open)}>
          <DialogTrigger disableButtonEnhancement>
            <Button disabled={busy || !cancellable}>{t("tabs.pulses.cancel.button")}</Button>
          </DialogTrigger>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t("tabs.pulses.cancel.title", { title: pulse.title })}</DialogTitle>
              <DialogContent>{t("tabs.pulses.cancel.body")}</DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={cancel}>
                  {t("tabs.pulses.cancel.confirm")}
                </Button>
                <DialogTrigger disableButtonEnhancement>
                  <Button>{t("tabs.pulses.cancel.keep")}</Button>
                </DialogTrigger>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </div>
      <div aria-live="polite">
        {said && (
          <MessageBar intent="info">
            <MessageBarBody>{said}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {failure !== null && <ErrorBar error={failure} />}
    </>
  );
}
