import { Body1, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../../../../core/messages/catalogue";
import type { DirectorateResult, PulseDraft, RunResults } from "../../../api/pulseTypes";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { formatDateTime, formatNumber, formatPercent } from "../../../format";
import { DistributionChart } from "./DistributionChart";
import { Figures } from "./Figures";
import { orDash } from "./pulseLabels";

/** Comments are never shown for fewer answers than this, whatever the threshold (contracts/pulses-http.md). */
const fewestForComments = 10;

const useStyles = makeStyles({
  comments: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: "grid",
    gap: tokens.spacingVerticalS,
  },
  comment: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** One run's figures: response, the ratings, recommendation, each directorate and the comments. */
export function RunResultsView({
  run,
  draft,
  readAt,
}: {
  run: RunResults;
  draft: PulseDraft;
  /** When the figures were read (they are live). */
  readAt: string;
}) {
  const styles = useStyles();
  const threshold = draft.threshold;
  const byDirectorate: Column<DirectorateResult>[] = [
    { key: "directorate", header: t("tabs.pulses.results.directorate"), cell: (d) => d.directorate },
    {
      key: "responded",
      header: t("tabs.pulses.results.answered"),
      cell: (d) =>
        d.suppressed ? t("tabs.pulses.results.suppressed", { threshold }) : orDash(d.responded, formatNumber),
    },
    { key: "mean", header: t("tabs.pulses.results.mean"), cell: (d) => (d.suppressed ? "—" : orDash(d.mean)) },
    {
      key: "satisfied",
      header: t("tabs.pulses.results.satisfied"),
      cell: (d) => (d.suppressed ? "—" : orDash(d.satisfiedShare, formatPercent)),
    },
  ];
  const figures: [string, string][] = [
    [t("tabs.pulses.results.sentAt"), formatDateTime(run.sentAt)],
    [run.open ? t("tabs.pulses.results.closesAt") : t("tabs.pulses.results.closedAt"), formatDateTime(run.closesAt)],
    [t("tabs.pulses.results.invited"), formatNumber(run.invited)],
    [t("tabs.pulses.results.answered"), formatNumber(run.responded)],
    [t("tabs.pulses.results.responseRate"), formatPercent(run.responseRate)],
    [t("tabs.pulses.results.mean"), orDash(run.mean)],
    [t("tabs.pulses.results.satisfied"), orDash(run.satisfiedShare, formatPercent)],
  ];
  if (draft.askRecommend) {
    figures.push([
      t("tabs.pulses.results.nps"),
      run.recommend
        ? t("tabs.pulses.results.npsValue", {
            score: run.recommend.netPromoterScore,
            responses: formatNumber(run.recommend.responses),
          })
        : "—",
    ]);
  }
  let comments: string;
  if (!draft.askComment) comments = t("tabs.pulses.comments.notAsked");
  else if (!run.comments.shown)
    comments = t("tabs.pulses.comments.hidden", { fewest: Math.max(fewestForComments, threshold) });
  else comments = run.comments.items.length === 0 ? t("tabs.pulses.comments.none") : "";

  return (
    <>
      <Figures items={figures} />
      {!run.shown && (
        <MessageBar intent="info">
          <MessageBarBody>{t("tabs.pulses.results.hidden", { threshold })}</MessageBarBody>
        </MessageBar>
      )}
      {run.distribution && (
        <DistributionChart title={t("tabs.pulses.results.distribution")} counts={run.distribution} syncedAt={readAt} />
      )}
      {run.byDirectorate.length > 0 && <h4 className={styles.subheading}>{t("tabs.pulses.results.byDirectorate")}</h4>}
      {run.byDirectorate.length > 0 && (
        <SimpleTable
          label={t("tabs.pulses.results.byDirectorate")}
          columns={byDirectorate}
          rows={run.byDirectorate}
          rowKey={(d) => d.directorate}
        />
      )}
      {run.byDirectorate.some((d) => d.suppressed) && (
        <Caption1>{t("tabs.pulses.results.suppressedNote", { threshold })}</Caption1>
      )}
      <h4 className={styles.subheading}>{t("tabs.pulses.comments.heading")}</h4>
      {comments ? (
        <Body1 as="p" style={{ margin: 0 }}>
          {comments}
        </Body1>
      ) : (
        <ul className={styles.comments} aria-label={t("tabs.pulses.comments.heading")}>
          {run.comments.items.map((item, index) => (
            // Comments are anonymous text with no id of their own; their order is the server's.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <li key={index} className={styles.comment}>
              {item}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
