import * as ACData from "adaptivecards-templating";

/** An Adaptive Card as JSON, ready to send. */
export type AdaptiveCardJson = { type: "AdaptiveCard"; version: string; [key: string]: unknown };

// Constructing a Template parses every ${…} expression in it; the cards are
// fixed JSON, so each is parsed once and expanded many times (expand keeps no
// state between calls).
const parsedTemplates = new WeakMap<object, ACData.Template>();

/**
 * Fills a card template once with typed data. Data values are never themselves
 * evaluated as template expressions, so text from users is safe here; a card
 * that has been rendered must never be rendered again.
 */
export function renderCard<T extends object>(template: object, data: T): AdaptiveCardJson {
  let parsed = parsedTemplates.get(template);
  if (!parsed) {
    parsed = new ACData.Template(template);
    parsedTemplates.set(template, parsed);
  }
  return parsed.expand({ $root: data }) as AdaptiveCardJson;
}
