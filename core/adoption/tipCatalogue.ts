import { type MessageKey, t } from "../messages/catalogue";
import type { TipId, TipSummary } from "./adoptionApi";

/** A tip ICT can send: its words live in the catalogue (core/messages/en-GB.adoptionTips.ts). */
export type Tip = {
  id: TipId;
  title: MessageKey;
  summary: MessageKey;
  body: MessageKey;
  /** The self-help article (knowledge/articles) the card links to for more, if any. */
  learnMore: string | null;
};

/** Every tip, in the order the tab offers them. Ids are stored with campaigns: never rename one. */
export const tips: readonly Tip[] = [
  {
    id: "email-to-chat",
    title: "adoption.tip.emailToChat.title",
    summary: "adoption.tip.emailToChat.summary",
    body: "adoption.tip.emailToChat.body",
    learnMore: "digital-skills",
  },
  {
    id: "meetings-on-phone",
    title: "adoption.tip.meetingsOnPhone.title",
    summary: "adoption.tip.meetingsOnPhone.summary",
    body: "adoption.tip.meetingsOnPhone.body",
    learnMore: "mobile-phone",
  },
  {
    id: "share-links",
    title: "adoption.tip.shareLinks.title",
    summary: "adoption.tip.shareLinks.summary",
    body: "adoption.tip.shareLinks.body",
    learnMore: "onedrive-sync",
  },
  {
    id: "team-files",
    title: "adoption.tip.teamFiles.title",
    summary: "adoption.tip.teamFiles.summary",
    body: "adoption.tip.teamFiles.body",
    learnMore: "shared-drive-migration",
  },
  {
    id: "teams-on-web",
    title: "adoption.tip.teamsOnWeb.title",
    summary: "adoption.tip.teamsOnWeb.summary",
    body: "adoption.tip.teamsOnWeb.body",
    learnMore: null,
  },
];

export const tipIds: readonly TipId[] = tips.map((tip) => tip.id);

export const findTip = (id: TipId): Tip | undefined => tips.find((tip) => tip.id === id);

export const summariseTip = (tip: Tip): TipSummary => ({ id: tip.id, title: t(tip.title), summary: t(tip.summary) });
