import { Router } from "express";
import { marked } from "marked";

/** An article as the help page shows it. */
export type HelpArticle = { id: string; title: string; body: string };

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

/**
 * GET /help/{id}: the full article behind a bot answer, as a plain page that
 * opens in Teams' browser. Articles are ICT's own files; raw HTML in them is
 * escaped rather than passed through.
 */
export function helpRoute(articleById: (id: string) => HelpArticle | undefined): Router {
  const router = Router();
  router.get("/help/:id", (req, res) => {
    const article = articleById(req.params.id);
    if (!article) {
      res.status(404).type("text/plain").send("There is no help article with that name.");
      return;
    }
    const body = marked.parse(article.body, { async: false, renderer: escapingRenderer });
    res.type("html").send(`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.title)} – ICT Hub</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body><main><h1>${escapeHtml(article.title)}</h1>${body}</main></body></html>`);
  });
  return router;
}

const escapingRenderer = new marked.Renderer();
escapingRenderer.html = ({ text }) => escapeHtml(text);
