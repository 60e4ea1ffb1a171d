/** The three topics that start a flow in the bot instead of showing an article. */
export const articleActions = ["ticket-status", "talk-to-human", "device-request"] as const;

export type ArticleAction = (typeof articleActions)[number];

/** One self-help article: a Markdown file in knowledge/articles that ICT edit without a code change. */
export type Article = {
  /** The topic slug, stable: the bot, the question log and the eval refer to it. */
  id: string;
  title: string;
  /** The short answer a bot card shows: one or two sentences. */
  summary: string;
  /** Words and short phrases staff use for the topic; searched with a high boost. */
  keywords: string[];
  /** Whole questions as staff ask them; searched like keywords. */
  phrasings: string[];
  action?: ArticleAction;
  /** Markdown: the steps and when to ask for help. */
  body: string;
};
