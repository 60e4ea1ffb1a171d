import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import type { TipAudience, TipCampaign, TipsOverview } from "../../../../../core/adoption/adoptionApi";
import { t } from "../../../../../core/messages/catalogue";
import { ApiError } from "../../../api/apiClient";
import { ErrorBar } from "../../../components/ErrorBar";
import { ResourceView } from "../../../components/ResourceView";
import { Section } from "../../../components/Section";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { useSignedIn } from "../../../data/apiContext";
import { useResource } from "../../../data/useResource";
import { formatDateTime, formatNumber } from "../../../format";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "40rem", minWidth: 0 },
  // A tip's title can be longer than a phone is wide: the box keeps to the screen and the title is cut short in it.
  choice: { minWidth: 0, maxWidth: "100%" },
});

const audienceName = (audience: TipAudience) => {
  if (audience.kind === "directorate") {
    return t("tabs.adoption.tips.audience.directorateNamed", { directorate: audience.directorate });
  }
  return audience.directorate === null
    ? t("tabs.adoption.tips.audience.inactiveAll")
    : t("tabs.adoption.tips.audience.inactiveIn", { directorate: audience.directorate });
};

const share = (value: number) => t("tabs.adoption.tips.effect.share", { share: value.toFixed(1) });

/** Before and after as the table shows them: withheld for too few recipients, waiting until 28 days have landed. */
function effectCells(effect: TipCampaign["effect"], threshold: number): { before: string; after: string } {
  if (!effect.shown) {
    const tooFew = t("tabs.adoption.tips.effect.tooFew", { threshold });
    return { before: tooFew, after: tooFew };
  }
  const noData = t("tabs.adoption.tips.effect.noData");
  const before = effect.before === null ? noData : share(effect.before);
  if (effect.afterMeasuredAt === null) return { before, after: t("tabs.adoption.tips.effect.waiting") };
  if (effect.after === null) return { before, after: noData };
  const change =
    effect.before === null
      ? ""
      : ` (${t("tabs.adoption.tips.effect.change", { change: signed(effect.after - effect.before) })})`;
  return { before, after: `${share(effect.after)}${change}` };
}

const signed = (points: number) => `${points > 0 ? "+" : ""}${points.toFixed(1)}`;

/**
 * Tip cards to a directorate or to people not active in Teams: the form to send
 * one, and every campaign with its delivery and, once 28 days have landed, its effect.
 */
export function TipsSection({ directorates, threshold }: { directorates: string[]; threshold: number }) {
  const styles = useStyles();
  const { api } = useSignedIn();
  const answer = useResource("adoption-tips", (a) => a.get<TipsOverview>("/ict/adoption/tips"));
  const [tip, setTip] = useState("");
  const [kind, setKind] = useState<TipAudience["kind"]>("directorate");
  const [directorate, setDirectorate] = useState("");
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<TipCampaign | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const columns: Column<TipCampaign>[] = [
    { key: "tip", header: t("tabs.adoption.tips.campaigns.tip"), cell: (c) => c.title },
    { key: "audience", header: t("tabs.adoption.tips.campaigns.audience"), cell: (c) => audienceName(c.audience) },
    { key: "sentAt", header: t("tabs.adoption.tips.campaigns.sentAt"), cell: (c) => formatDateTime(c.createdAt) },
    { key: "by", header: t("tabs.adoption.tips.campaigns.sentBy"), cell: (c) => c.createdBy },
    {
      key: "recipients",
      header: t("tabs.adoption.tips.campaigns.recipients"),
      cell: (c) => formatNumber(c.recipients),
    },
    {
      key: "skippedRecent",
      header: t("tabs.adoption.tips.campaigns.skippedRecent"),
      cell: (c) => formatNumber(c.skippedRecent),
    },
    {
      key: "skippedOptedOut",
      header: t("tabs.adoption.tips.campaigns.skippedOptedOut"),
      cell: (c) => formatNumber(c.skippedOptedOut),
    },
    {
      key: "delivery",
      header: t("tabs.adoption.tips.campaigns.delivery"),
      cell: (c) =>
        t("tabs.adoption.tips.campaigns.deliveryCounts", {
          sent: formatNumber(c.delivery.sent),
          failed: formatNumber(c.delivery.failed),
          pending: formatNumber(c.delivery.pending),
        }),
    },
    {
      key: "before",
      header: t("tabs.adoption.tips.campaigns.before"),
      cell: (c) => effectCells(c.effect, threshold).before,
    },
    {
      key: "after",
      header: t("tabs.adoption.tips.campaigns.after"),
      cell: (c) => effectCells(c.effect, threshold).after,
    },
  ];

  // A directorate's tip goes to the one shown in the box, the first until another is chosen.
  const audienceDirectorate = kind === "directorate" ? directorate || (directorates[0] ?? "") : directorate;
  const send = async (event: FormEvent, tipId: string) => {
    event.preventDefault();
    setSent(null);
    setRefused(null);
    setFailure(null);
    setSending(true);
    const audience: TipAudience =
      kind === "directorate"
        ? { kind, directorate: audienceDirectorate }
        : { kind, directorate: audienceDirectorate || null, days: 28 };
    try {
      setSent(await api.post<TipCampaign>("/ict/adoption/tips", { tip: tipId, audience }));
      answer.reload();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.status === 409)) {
        setRefused(t("tabs.adoption.tips.error.send", { message: error.message }));
      } else setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <Section heading={t("tabs.adoption.tips.heading")}>
      <ResourceView resource={answer}>
        {(data) => {
          const chosen = data.tips.find((x) => x.id === tip) ?? data.tips[0];
          return (
            <>
              <Body1 as="p">{t("tabs.adoption.tips.intro", { days: data.tipGapDays })}</Body1>
              <form
                className={styles.form}
                onSubmit={(event) => send(event, chosen?.id ?? "")}
                noValidate
                aria-label={t("tabs.adoption.tips.form.heading")}
              >
                <Subtitle2 as="h3">{t("tabs.adoption.tips.form.heading")}</Subtitle2>
                <Field
                  label={t("tabs.adoption.tips.form.tip")}
                  hint={chosen?.summary ?? t("tabs.adoption.tips.form.tipHint")}
                >
                  <Select className={styles.choice} value={chosen?.id ?? ""} onChange={(_e, d) => setTip(d.value)}>
                    {data.tips.map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.title}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t("tabs.adoption.tips.form.audience")}>
                  <RadioGroup value={kind} onChange={(_e, d) => setKind(d.value as TipAudience["kind"])}>
                    <Radio value="directorate" label={t("tabs.adoption.tips.audience.directorate")} />
                    <Radio value="inactive" label={t("tabs.adoption.tips.audience.inactive")} />
                  </RadioGroup>
                </Field>
                <Field label={t("tabs.adoption.tips.form.directorate")}>
                  <Select value={audienceDirectorate} onChange={(_e, d) => setDirectorate(d.value)}>
                    {kind === "inactive" && <option value="">{t("tabs.adoption.tips.form.allDirectorates")}</option>}
                    {directorates.map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </Select>
                </Field>
                <div aria-live="polite">
                  {sent && (
                    <MessageBar intent="success">
                      <MessageBarBody>
                        {t("tabs.adoption.tips.form.sent", {
                          title: sent.title,
                          recipients: formatNumber(sent.recipients),
                        })}{" "}
                        {t("tabs.adoption.tips.form.skipped", {
                          recent: formatNumber(sent.skippedRecent),
                          days: data.tipGapDays,
                          optedOut: formatNumber(sent.skippedOptedOut),
                        })}
                      </MessageBarBody>
                    </MessageBar>
                  )}
                </div>
                {refused !== null && (
                  <MessageBar intent="error" role="alert">
                    <MessageBarBody>{refused}</MessageBarBody>
                  </MessageBar>
                )}
                {failure !== null && <ErrorBar error={failure} />}
                <div>
                  <Button appearance="primary" type="submit" disabled={sending || data.tips.length === 0}>
                    {sending ? t("tabs.adoption.tips.form.sending") : t("tabs.adoption.tips.form.send")}
                  </Button>
                </div>
              </form>
              <Subtitle2 as="h3">{t("tabs.adoption.tips.campaigns.heading")}</Subtitle2>
              <Caption1>{t("tabs.adoption.tips.effect.explained")}</Caption1>
              {data.campaigns.length === 0 ? (
                <Body1>{t("tabs.adoption.tips.campaigns.none")}</Body1>
              ) : (
                <SimpleTable
                  label={t("tabs.adoption.tips.campaigns.heading")}
                  columns={columns}
                  rows={data.campaigns}
                  rowKey={(c) => c.id}
                />
              )}
            </>
          );
        }}
      </ResourceView>
    </Section>
  );
}
