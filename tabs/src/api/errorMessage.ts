import { t } from "../../../core/messages/catalogue";
import { ApiError } from "./apiClient";

/** What to tell the person about a failed call, in their words rather than the API's. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t("tabs.error.unexpected");
  switch (error.status) {
    case 0:
      return t("tabs.error.network");
    case 401:
      return t("tabs.error.unauthenticated");
    case 403:
      return t("tabs.error.forbidden");
    case 404:
      return t("tabs.error.notFound");
    case 409:
      return t("tabs.error.alreadyDecided");
    case 400:
      // The API words its validation messages for people (e.g. "a rejection needs a comment").
      return t("tabs.error.invalidInput", { detail: error.message });
    default:
      return t("tabs.error.unexpected");
  }
}
