import { t } from "../../core/messages/catalogue";
import type { MyDrive } from "../../core/migration/myDrives";
import { type AdaptiveCardJson, renderCard } from "../cards/renderCard";
import template from "./driveCard.json";

/** The answer to "where has my S drive gone?": each of the person's drives, where it is now, with a link. */
export function driveCard(drives: readonly MyDrive[]): AdaptiveCardJson {
  return renderCard(template, {
    title: t("migration.bot.title"),
    intro: t("migration.bot.intro"),
    drives: drives.map((d) => ({
      label: d.label,
      stateLabel: d.stateLabel,
      whereNow: d.whereNow,
      url: d.url ?? "",
      openLabel: t("migration.bot.open", { label: d.label }),
    })),
  });
}
