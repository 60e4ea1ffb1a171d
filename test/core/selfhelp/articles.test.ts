import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadArticles } from "../../../core/selfhelp/loadArticles";

const topicsFile = resolve(import.meta.dirname, "../../../../shared/selfhelp-topics.md");

/** The slugs in the first column of the topic table. */
const topicSlugs = (markdown: string) =>
  [...markdown.matchAll(/^\|\s*([a-z0-9-]+)\s*\|/gm)]
    .map((match) => match[1])
    .filter((slug) => slug !== "slug" && slug !== "---");

describe("the shipped knowledge base", () => {
  it("has an article for every topic in selfhelp-topics.md", async () => {
    if (!existsSync(topicsFile)) {
      console.warn(`skipped: ${topicsFile} is absent`);
      return;
    }
    const slugs = topicSlugs(readFileSync(topicsFile, "utf8"));
    expect(slugs.length).toBeGreaterThan(40);
    const ids = new Set((await loadArticles()).map((article) => article.id));
    expect(slugs.filter((slug) => slug !== undefined && !ids.has(slug))).toEqual([]);
  });

  it("marks the three flow topics with their action", async () => {
    const actions = (await loadArticles()).filter((article) => article.action).map((a) => [a.id, a.action]);
    expect(actions.sort()).toEqual([
      ["device-request", "device-request"],
      ["talk-to-human", "talk-to-human"],
      ["ticket-status", "ticket-status"],
    ]);
  });
});
