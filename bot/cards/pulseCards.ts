import { t } from "../../core/messages/catalogue";
import { longDate } from "../../core/messages/formats";
import type { PulseDraft } from "../../core/pulses/pulseDraft";
import { cardVerbs } from "./cardVerbs";
import pulseTemplate from "./pulse.json";
import pulseActionsTemplate from "./pulseActions.json";
import pulseClosedTemplate from "./pulseClosed.json";
import pulseThanksTemplate from "./pulseThanks.json";
import { type AdaptiveCardJson, renderCard } from "./renderCard";

const ratings = [1, 2, 3, 4, 5].map((value) => ({
  value: String(value),
  title: t(`pulse.card.rating.${value as 1 | 2 | 3 | 4 | 5}`),
}));
const recommendScores = Array.from({ length: 11 }, (_, value) => ({ value: String(value), title: String(value) }));

/**
 * The question card staff get (and ICT preview): a 1–5 rating, optionally
 * 0–10 and a comment, answered in place. Its refresh shows whoever opens it
 * later where they stand: thanked if they answered elsewhere, told once closed.
 */
export function pulseCard(props: {
  draft: Pick<PulseDraft, "title" | "ratingQuestion" | "askRecommend" | "askComment" | "anonymous">;
  /** 0 in a preview: there is no run yet. */
  runId: number;
  closesAt: Date;
  /** A line at the top: a reminder, or the preview's note. */
  notice?: string;
}): AdaptiveCardJson {
  const { draft } = props;
  return renderCard(pulseTemplate, {
    refreshLabel: t("pulse.card.refresh"),
    viewVerb: cardVerbs.pulseView,
    answerVerb: cardVerbs.pulseAnswer,
    runId: props.runId,
    title: draft.title,
    notice: props.notice ?? "",
    privacy: draft.anonymous ? t("pulse.card.anonymous") : t("pulse.card.named"),
    ratingQuestion: draft.ratingQuestion,
    ratingRequired: t("pulse.card.ratingRequired"),
    ratings,
    askRecommend: draft.askRecommend,
    recommendQuestion: t("pulse.card.recommendQuestion"),
    recommendScale: t("pulse.card.recommendScale"),
    recommendScores,
    askComment: draft.askComment,
    commentLabel: t("pulse.card.commentLabel"),
    closes: t("pulse.card.closes", { date: longDate(props.closesAt) }),
    sendLabel: t("pulse.card.send"),
  });
}

/** What replaces the question once answered: it cannot be answered again. */
export function pulseThanksCard(props: { title: string; anonymous: boolean; already: boolean }): AdaptiveCardJson {
  return renderCard(pulseThanksTemplate, {
    heading: t("pulse.thanks.title"),
    text: props.already
      ? t("pulse.thanks.already", { title: props.title })
      : t("pulse.thanks.text", { title: props.title }),
    anonymousNote: props.anonymous ? t("pulse.thanks.anonymous") : "",
  });
}

/** A run that no longer takes answers. */
export function pulseClosedCard(props: { title: string; closedAt: Date }): AdaptiveCardJson {
  return renderCard(pulseClosedTemplate, {
    heading: t("pulse.closed.title"),
    text: t("pulse.closed.text", { title: props.title, date: longDate(props.closedAt) }),
  });
}

/** Someone the run did not ask (a forwarded or forged card). */
export function pulseNotInvitedCard(props: { title: string }): AdaptiveCardJson {
  return renderCard(pulseClosedTemplate, {
    heading: t("pulse.notInvited.title"),
    text: t("pulse.notInvited.text", { title: props.title }),
  });
}

/** "You said, we did", sent to the people who responded. */
export function pulseActionsCard(props: { title: string; youSaid: string; weDid: string }): AdaptiveCardJson {
  return renderCard(pulseActionsTemplate, {
    heading: t("pulse.actions.title", { title: props.title }),
    intro: t("pulse.actions.intro"),
    youSaidLabel: t("pulse.actions.youSaid"),
    youSaid: props.youSaid,
    weDidLabel: t("pulse.actions.weDid"),
    weDid: props.weDid,
  });
}
