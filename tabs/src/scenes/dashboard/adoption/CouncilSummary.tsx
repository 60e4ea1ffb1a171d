import { Body1, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { AdoptionFigures, AdoptionOverview } from "../../../../../core/adoption/adoptionApi";
import { type MessageKey, t } from "../../../../../core/messages/catalogue";
import { formatNumber } from "../../../format";
import { formatPerPerson, formatShare, measureName, scores, shareMeasures } from "./adoptionFormat";

const useStyles = makeStyles({
  scores: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 13rem), 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  score: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  value: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  // The name takes what room is left and wraps, so that a long one never pushes the figure off a phone's screen.
  figures: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) max-content",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
  },
  term: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  detail: { margin: 0, textAlign: "end" },
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 22rem), 1fr))",
    gap: tokens.spacingHorizontalXL,
  },
});

/** Named figures as a description list, each name beside its figure. */
function Figures({ items }: { items: [term: string, detail: string][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.figures}>
      {items.map(([term, detail]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}

const perPersonKeys = [
  "teamChatMessages",
  "privateChatMessages",
  "channelPosts",
  "calls",
  "meetingsOrganised",
  "meetingsAttended",
  "emailsSent",
  "teamsMessages",
] as const;

/**
 * The whole council's period: the four scores and the overall one, each
 * explained in the catalogue's words, then the shares and the activity per
 * member of staff behind them.
 */
export function CouncilSummary({ overview, council }: { overview: AdoptionOverview; council: AdoptionFigures }) {
  const styles = useStyles();
  return (
    <>
      <Subtitle2 as="h3">{t("tabs.adoption.council.heading", { staff: formatNumber(council.staff) })}</Subtitle2>
      <ul className={styles.scores} aria-label={t("tabs.adoption.council.scores")}>
        {scores.map((score) => (
          <li key={score} className={styles.score}>
            <Body1>{measureName(score)}</Body1>
            <span className={styles.value}>{formatShare(council.scores[score])}</span>
            <Caption1>{t(`adoption.score.${score}.explained` as MessageKey)}</Caption1>
          </li>
        ))}
      </ul>
      {council.daysCovered < council.daysInPeriod && (
        <Body1 as="p">
          {t("tabs.adoption.council.partial", { days: council.daysCovered, of: council.daysInPeriod })}
        </Body1>
      )}
      <div className={styles.columns}>
        <div>
          <Subtitle2 as="h3">{t("tabs.adoption.council.shares")}</Subtitle2>
          <Figures
            items={shareMeasures.map((measure) => [measureName(measure), formatShare(council.shares[measure])])}
          />
        </div>
        <div>
          <Subtitle2 as="h3">{t("tabs.adoption.council.activity")}</Subtitle2>
          <Figures
            items={[
              ...perPersonKeys.map((key): [string, string] => [
                t(`adoption.perPerson.${key}` as MessageKey),
                formatPerPerson(council.perPerson[key]),
              ]),
              [t("adoption.teamChatShare"), formatShare(council.teamChatShare)],
              [t("adoption.teamsShareOfMessages"), formatShare(council.teamsShareOfMessages)],
            ]}
          />
        </div>
      </div>
      <Caption1>{t("tabs.adoption.council.threshold", { threshold: overview.threshold })}</Caption1>
    </>
  );
}
