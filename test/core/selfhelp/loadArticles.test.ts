import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isAppError } from "../../../core/errors";
import { loadArticles, parseArticle } from "../../../core/selfhelp/loadArticles";

const article = (id: string, extra = "") => `---
id: ${id}
title: A title
summary: The short answer.
${extra}keywords:
  - word
phrasings:
  - a question
---
## What to do

1. A step.
`;

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "articles-"));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("loadArticles", () => {
  it("reads front matter lists and the Markdown body", async () => {
    await writeFile(join(folder, "wifi.md"), article("wifi", "action: talk-to-human\n"));
    const [loaded] = await loadArticles(folder);
    expect(loaded).toEqual({
      id: "wifi",
      title: "A title",
      summary: "The short answer.",
      keywords: ["word"],
      phrasings: ["a question"],
      action: "talk-to-human",
      body: "## What to do\n\n1. A step.",
    });
  });

  it("refuses a malformed article, naming the file and what is wrong", async () => {
    await writeFile(join(folder, "good.md"), article("good"));
    await writeFile(join(folder, "broken.md"), article("broken").replace("summary: The short answer.\n", ""));
    await expect(loadArticles(folder)).rejects.toThrow(/broken\.md: summary/);
  });

  it("refuses an unknown action and a line outside the front matter subset", () => {
    expect(() => parseArticle("a.md", article("a", "action: reboot\n"))).toThrow(/a\.md: action/);
    expect(() => parseArticle("b.md", article("b", "just words\n"))).toThrow(/b\.md: line 5/);
    expect(() => parseArticle("c.md", "no front matter")).toThrow(/c\.md: must start/);
  });

  it("refuses an id used by two files", async () => {
    await writeFile(join(folder, "one.md"), article("same"));
    await writeFile(join(folder, "two.md"), article("same"));
    const failure = await loadArticles(folder).catch((error: unknown) => error);
    expect(isAppError(failure, "invalid_input")).toBe(true);
    expect(String(failure)).toMatch(/two\.md: id "same" is already used by one\.md/);
  });
});
