import * as ACData from "adaptivecards-templating";

/** An Adaptive Card as JSON, ready to send. */
export type AdaptiveCardJson = { type: "AdaptiveCard"; version: string; [key: string]: unknown };

/**
 * Fills a card template once with typed data. Data values are never themselves
 * evaluated as template expressions, so text from users is safe here; a card
 * that has been rendered must never be rendered again.
 */
export function renderCard<T extends object>(template: object, data: T): AdaptiveCardJson {
  return new ACData.Template(template).expand({ $root: data }) as AdaptiveCardJson;
}
