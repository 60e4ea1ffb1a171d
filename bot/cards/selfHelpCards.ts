import { t } from "../../core/messages/catalogue";
import answerTemplate from "./answer.json";
import { cardVerbs } from "./cardVerbs";
import choicesTemplate from "./choices.json";
import messageTemplate from "./message.json";
import { type AdaptiveCardJson, renderCard } from "./renderCard";

/** An article as a card shows it. */
export type ArticleSummary = { id: string; title: string; summary: string };

/** One confident answer, with feedback and a way to a person. */
export function answerCard(article: ArticleSummary, questionId: string, articleUrl: string): AdaptiveCardJson {
  return renderCard(answerTemplate, {
    title: article.title,
    summary: article.summary,
    articleUrl,
    questionId,
    readMoreLabel: t("selfhelp.answer.readMore"),
    helpedLabel: t("selfhelp.answer.helped"),
    notQuiteLabel: t("selfhelp.answer.notQuite"),
    talkLabel: t("selfhelp.talk"),
    helpedVerb: cardVerbs.helped,
    notQuiteVerb: cardVerbs.notQuite,
    talkVerb: cardVerbs.talk,
  });
}

/** Two or three likely articles to pick from, when self-help is not sure which. */
export function choicesCard(articles: ArticleSummary[], questionId: string): AdaptiveCardJson {
  return renderCard(choicesTemplate, {
    intro: t("selfhelp.choices.intro"),
    choices: articles.map((a) => ({ id: a.id, title: a.title })),
    questionId,
    pickVerb: cardVerbs.pick,
    talkLabel: t("selfhelp.talk"),
    talkVerb: cardVerbs.talk,
  });
}

/** A short message, optionally offering a person (for the question it answers). */
export function messageCard(text: string, options: { title?: string; offerTalkFor?: string } = {}): AdaptiveCardJson {
  return renderCard(messageTemplate, {
    title: options.title ?? "",
    text,
    offerTalk: options.offerTalkFor !== undefined,
    questionId: options.offerTalkFor ?? "",
    talkLabel: t("selfhelp.talk"),
    talkVerb: cardVerbs.talk,
  });
}
