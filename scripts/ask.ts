import { createInterface } from "node:readline";
import { loadArticles } from "../core/selfhelp/loadArticles";
import { createKnowledgeBase } from "../core/selfhelp/searchIndex";

/** Reads questions, one a line, on standard input and writes one JSON line per question. */
const knowledge = createKnowledgeBase(await loadArticles());
for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
  const q = line.trim();
  if (q === "") continue;
  const { answered, results } = knowledge.search(q);
  process.stdout.write(`${JSON.stringify({ q, answered, results })}\n`);
}
