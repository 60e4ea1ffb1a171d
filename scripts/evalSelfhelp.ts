import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { evaluate, parseEvalCases } from "../core/selfhelp/evaluate";
import { loadArticles } from "../core/selfhelp/loadArticles";
import { createKnowledgeBase } from "../core/selfhelp/searchIndex";

/** Scores the self-help search on an evaluation file (default ../shared/eval/selfhelp-sample.jsonl). */
const minimum = { top1: 0.9, abstention: 0.8 };
const evalFile = resolve(process.argv[2] ?? resolve(import.meta.dirname, "../../shared/eval/selfhelp-sample.jsonl"));

const knowledge = createKnowledgeBase(await loadArticles());
const report = evaluate(knowledge, parseEvalCases(await readFile(evalFile, "utf8")));
for (const miss of report.misses) console.log(`miss: "${miss.q}" expected ${miss.expected}, got ${miss.got}`);
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
console.log(`top-1 accuracy: ${percent(report.top1)} (minimum ${percent(minimum.top1)})`);
console.log(`abstention: ${percent(report.abstention)} (minimum ${percent(minimum.abstention)})`);
if (report.top1 < minimum.top1 || report.abstention < minimum.abstention) process.exitCode = 1;
