import { t } from "../../core/messages/catalogue";
import { type AdaptiveCardJson, renderCard } from "./renderCard";
import template from "./welcome.json";

export type WelcomeCardData = {
  /** The person's first name, when Teams gave one (personal chats). */
  firstName?: string;
  councilName: string;
  /** Where "Open My ICT" goes; omitted in channels, where the tab is not personal. */
  myIctUrl?: string;
  scope: "personal" | "team";
};

/** The card the bot sends once when it is installed in a chat or a team. */
export function welcomeCard(data: WelcomeCardData): AdaptiveCardJson {
  return renderCard(template, {
    title: data.firstName ? t("welcome.title", { firstName: data.firstName }) : t("welcome.titleNoName"),
    intro:
      data.scope === "personal" ? t("welcome.intro", { councilName: data.councilName }) : t("welcome.channelIntro"),
    showMyIct: data.scope === "personal" && data.myIctUrl !== undefined,
    openMyIctLabel: t("welcome.openMyIct"),
    myIctUrl: data.myIctUrl ?? "",
  });
}

/** Teams' deep link to the app's personal "My ICT" tab. */
export const myIctDeepLink = (teamsAppId: string) => `https://teams.microsoft.com/l/entity/${teamsAppId}/my-ict`;
