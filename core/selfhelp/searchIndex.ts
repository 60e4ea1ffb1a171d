import MiniSearch, { type SearchResult } from "minisearch";
import type { Article } from "./article";
import { normaliseTerm, normaliseText } from "./normalise";

/** How sure the search is: one answer, a short list to pick from, or nothing worth showing. */
export type Confidence = "high" | "medium" | "none";

/** One ranked article. */
export type ScoredArticle = { id: string; score: number };

/** The outcome of a question; `answered` is true whenever confidence is not "none". */
export type SearchOutcome = {
  answered: boolean;
  confidence: Confidence;
  /** Best first, at most `maxResults`; kept even when not answered, so the question log shows near misses. */
  results: ScoredArticle[];
};

/** The knowledge base the bot and the tab use: search, and the articles by id. */
export type KnowledgeBase = {
  search(question: string): SearchOutcome;
  article(id: string): Article | undefined;
  readonly articles: readonly Article[];
};

const maxResults = 5;

/**
 * Keywords and phrasings are written for matching, so they count most; the
 * title next; the summary and body add context but, being prose, also match
 * by accident, so they count least.
 */
const boost = { title: 2, keywords: 3, phrasings: 2, summary: 1, body: 0.5 };

/**
 * Confidence rules, chosen on principle and then checked against the eval sample:
 * - coverage is the share of the question's meaningful terms the top article
 *   matched (see `coverage`); at least 0.7 means a two-term question needs both
 *   terms and a three-term one all three, allowing for a typo. A question
 *   that is mostly about something else — council tax, annual leave — covers
 *   little, however well one word matched.
 * - the top score (MiniSearch's BM25 score times coverage) must clear a floor,
 *   so a single weak match in body text is not an answer;
 * - "high" needs the top article to lead the second clearly; otherwise the bot
 *   offers the few closest articles ("medium").
 */
const thresholds = { minCoverage: 0.7, minScore: 4, highCoverage: 0.75, highScore: 8, highLead: 1.4 };

/** Builds the in-memory index over the articles. */
export function createKnowledgeBase(articles: readonly Article[]): KnowledgeBase {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const tokenize = (text: string) => MiniSearch.getDefault("tokenize")(normaliseText(text)) as string[];
  const index = new MiniSearch<Article>({
    fields: ["title", "keywords", "phrasings", "summary", "body"],
    extractField: (article, field) => {
      const value = article[field as keyof Article];
      return Array.isArray(value) ? value.join(" \n ") : (value ?? "");
    },
    tokenize,
    processTerm: normaliseTerm,
    searchOptions: {
      boost,
      // Typos in longer words only: a one-letter slip in "tax" would make it "fax".
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      prefix: (term) => term.length >= 4,
      combineWith: "OR",
    },
  });
  index.addAll(articles.map((article) => ({ ...article })));

  const meaningfulTerms = (question: string) => tokenize(question).flatMap((token) => normaliseTerm(token) ?? []);

  return {
    articles,
    article: (id) => byId.get(id),
    search(question) {
      const terms = [...new Set(meaningfulTerms(question))];
      // The terms are already normalised: searching them as they are avoids stemming twice.
      const found = terms.length === 0 ? [] : index.search(terms.join(" "), asNormalised);
      // An article that answers the whole question beats one that matches part of it strongly.
      const ranked = found
        .map((hit) => {
          const covered = coverage(hit, terms);
          return { id: String(hit.id), score: hit.score * covered, coverage: covered };
        })
        .sort((a, b) => b.score - a.score);
      const confidence = decide(ranked);
      const results = ranked.slice(0, maxResults).map(({ id, score }) => ({ id, score: round(score) }));
      return { answered: confidence !== "none", confidence, results };
    },
  };
}

const asNormalised = { tokenize: (text: string) => text.split(" "), processTerm: (term: string) => term };

function decide([top, second]: { score: number; coverage: number }[]): Confidence {
  if (!top || top.coverage < thresholds.minCoverage || top.score < thresholds.minScore) return "none";
  const lead = second && second.score > 0 ? top.score / second.score : Number.POSITIVE_INFINITY;
  const clear =
    top.coverage >= thresholds.highCoverage && top.score >= thresholds.highScore && lead >= thresholds.highLead;
  return clear ? "high" : "medium";
}

/**
 * Share of the question's terms the article matched. A term found as written in
 * the title, keywords, phrasings or summary counts 1; found only in the body's
 * prose, or only by typo or prefix, it counts ½, since those match by accident too.
 */
function coverage(hit: SearchResult, terms: string[]): number {
  const fuzzyMatched = new Set(hit.queryTerms);
  const weight = (term: string) => {
    const fields = hit.match[term];
    if (fields) return fields.some((field) => field !== "body") ? 1 : 0.5;
    return fuzzyMatched.has(term) ? 0.5 : 0;
  };
  return terms.reduce((sum, term) => sum + weight(term), 0) / terms.length;
}

const round = (score: number) => Math.round(score * 1000) / 1000;
