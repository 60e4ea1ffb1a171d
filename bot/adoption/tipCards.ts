import type { Tip } from "../../core/adoption/tipCatalogue";
import { t } from "../../core/messages/catalogue";
import tipTemplate from "../cards/adoptionTip.json";
import { cardVerbs } from "../cards/cardVerbs";
import { type AdaptiveCardJson, renderCard } from "../cards/renderCard";
import { articleUrl } from "../servicedesk/selfHelpTurn";

/** The tip as staff get it: what to try, a link to the self-help article where there is one, and a way to stop tips. */
export function tipCard(tip: Tip, publicUrl: string): AdaptiveCardJson {
  return renderCard(tipTemplate, {
    title: t(tip.title),
    intro: t("adoption.tip.card.from"),
    text: t(tip.body),
    learnMoreLabel: t("adoption.tip.card.learnMore"),
    learnMoreUrl: tip.learnMore ? articleUrl(publicUrl, tip.learnMore) : "",
    choiceLabel: t("adoption.tip.card.stop"),
    choiceVerb: cardVerbs.tipStop,
    tip: tip.id,
  });
}

/** What replaces the tip once someone stops tips: it says so, and offers to undo it. */
export function tipsStoppedCard(tipId: string): AdaptiveCardJson {
  return renderCard(tipTemplate, {
    title: t("adoption.tip.stopped.title"),
    intro: "",
    text: t("adoption.tip.stopped.text"),
    learnMoreLabel: "",
    learnMoreUrl: "",
    choiceLabel: t("adoption.tip.card.resume"),
    choiceVerb: cardVerbs.tipResume,
    tip: tipId,
  });
}

/** What replaces it when they undo that: tips may come again, and they can stop them again. */
export function tipsResumedCard(tipId: string): AdaptiveCardJson {
  return renderCard(tipTemplate, {
    title: t("adoption.tip.resumed.title"),
    intro: "",
    text: t("adoption.tip.resumed.text"),
    learnMoreLabel: "",
    learnMoreUrl: "",
    choiceLabel: t("adoption.tip.card.stop"),
    choiceVerb: cardVerbs.tipStop,
    tip: tipId,
  });
}
