import { enGB, type MessageKey } from "./en-GB";

export type { MessageKey };

/** Locales with a full catalogue. en-GB is the fallback for every other. */
export type Locale = "en-GB";

const catalogues: Record<Locale, Record<MessageKey, string>> = { "en-GB": enGB };

/** Picks the catalogue for a Teams or browser locale such as "en-US" or "cy-GB". */
export function resolveLocale(_requested: string | undefined | null): Locale {
  return "en-GB";
}

/**
 * The message for a key with its {placeholders} filled. Values are inserted as
 * they are: a card template never evaluates them.
 */
export function t(key: MessageKey, values: Record<string, string | number> = {}, locale: Locale = "en-GB"): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
