import type { KnowledgeBase } from "./searchIndex";

/** One line of the evaluation file: a question and its topic slug, or "none" when it isn't about ICT. */
export type EvalCase = { q: string; topic: string };

/** How the search did: top-1 accuracy on ICT questions, abstention on the rest, and every miss. */
export type EvalReport = {
  top1: number;
  abstention: number;
  misses: { q: string; expected: string; got: string }[];
};

/** Reads the JSON-lines evaluation file's text. */
export const parseEvalCases = (text: string): EvalCase[] =>
  text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as EvalCase);

/**
 * An ICT question counts when it is answered with the right article first;
 * a non-ICT question counts when it is not answered. An empty group scores 1.
 */
export function evaluate(knowledge: KnowledgeBase, cases: readonly EvalCase[]): EvalReport {
  const misses: EvalReport["misses"] = [];
  let ictHits = 0;
  let ictTotal = 0;
  let abstained = 0;
  let noneTotal = 0;
  for (const { q, topic } of cases) {
    const outcome = knowledge.search(q);
    const got = outcome.answered ? (outcome.results[0]?.id ?? "none") : "none";
    if (topic === "none") {
      noneTotal++;
      if (got === "none") abstained++;
    } else {
      ictTotal++;
      if (got === topic) ictHits++;
    }
    if (got !== topic) misses.push({ q, expected: topic, got });
  }
  return { top1: ictTotal ? ictHits / ictTotal : 1, abstention: noneTotal ? abstained / noneTotal : 1, misses };
}
