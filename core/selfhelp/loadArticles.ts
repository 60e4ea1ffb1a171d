import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { z } from "zod";
import { AppError } from "../errors";
import { type Article, articleActions } from "./article";
import { parseFrontMatter } from "./frontMatter";

/** knowledge/articles at the project root: where the shipped articles live. */
export const defaultArticlesFolder = resolve(import.meta.dirname, "../../knowledge/articles");

const text = z.string().trim().min(1);

const frontMatterSchema = z.strictObject({
  id: text.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case slug such as password-reset"),
  title: text,
  summary: text,
  keywords: z.array(text).min(1),
  phrasings: z.array(text).min(1),
  action: z.enum(articleActions).optional(),
});

/**
 * Reads one article file's text. Throws AppError "invalid_input" naming the
 * file and every problem, so a bad edit is caught when the app starts.
 */
export function parseArticle(fileName: string, source: string): Article {
  let parsed: ReturnType<typeof parseFrontMatter>;
  try {
    parsed = parseFrontMatter(source);
  } catch (error) {
    throw new AppError("invalid_input", `${fileName}: ${(error as Error).message}`, { cause: error });
  }
  const checked = frontMatterSchema.safeParse(parsed.fields);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${issue.path.join(".") || "front matter"}: ${issue.message}`);
    throw new AppError("invalid_input", `${fileName}: ${problems.join("; ")}`);
  }
  if (parsed.body === "")
    throw new AppError("invalid_input", `${fileName}: the article has no text after the front matter`);
  return { ...checked.data, body: parsed.body };
}

/**
 * Every `.md` article in a folder, in file-name order. Throws AppError
 * "invalid_input" for a malformed file or an id used twice.
 */
export async function loadArticles(folder: string = defaultArticlesFolder): Promise<Article[]> {
  const fileNames = (await readdir(folder)).filter((name) => name.endsWith(".md")).sort();
  const articles: Article[] = [];
  const fileById = new Map<string, string>();
  for (const fileName of fileNames) {
    const article = parseArticle(fileName, await readFile(join(folder, fileName), "utf8"));
    const earlier = fileById.get(article.id);
    if (earlier) throw new AppError("invalid_input", `${fileName}: id "${article.id}" is already used by ${earlier}`);
    fileById.set(article.id, fileName);
    articles.push(article);
  }
  return articles;
}
