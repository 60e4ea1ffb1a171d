import type { AdaptiveCardInvokeResponse } from "botbuilder";
import type { AdaptiveCardJson } from "./renderCard";

/** The answer to an Action.Execute press: the card that replaces the pressed one. */
export const cardResponse = (card: AdaptiveCardJson): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: "application/vnd.microsoft.card.adaptive",
  value: card as unknown as Record<string, unknown>,
});

/** Card data that does not fit the verb: a forged or outdated card. Teams shows the press failed. */
export const invalidCardData: AdaptiveCardInvokeResponse = {
  statusCode: 400,
  type: "application/vnd.microsoft.error",
  value: { code: "BadRequest", message: "Invalid card data" },
};

/** A press on a card whose subject (a request, a pulse run) no longer exists. */
export const notFoundResponse = (message: string): AdaptiveCardInvokeResponse => ({
  statusCode: 404,
  type: "application/vnd.microsoft.error",
  value: { code: "NotFound", message },
});
