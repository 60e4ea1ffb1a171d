/** What the bot needs from the self-help knowledge base (core/selfhelp provides it). */
export type SelfHelpKnowledge = {
  search(question: string): {
    answered: boolean;
    confidence: "high" | "medium" | "none";
    results: { id: string; score: number }[];
  };
  article(id: string): KnowledgeArticle | undefined;
};

export type KnowledgeArticle = {
  id: string;
  title: string;
  summary: string;
  /** The three topics that start a flow instead of showing an article. */
  action?: "ticket-status" | "talk-to-human" | "device-request";
};
