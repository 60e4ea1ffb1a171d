import express, { type Request, type Response } from "express";
import type { GraphDispatcher } from "./graphDispatcher";
import type { GraphVersion } from "./graphTypes";

/** Mounts Graph at /v1.0 and /beta: every request goes to the dispatcher, body read as JSON when present. */
export function graphHttp(dispatcher: GraphDispatcher): express.Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: "4mb" });
  for (const version of ["v1.0", "beta"] as const) {
    router.use(`/${version}`, raw, (req, res) => serve(dispatcher, version, req, res));
  }
  return router;
}

async function serve(dispatcher: GraphDispatcher, version: GraphVersion, req: Request, res: Response) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers[name] = value;
  const text = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
  let body: unknown;
  let malformedBody = false;
  try {
    body = text.trim() === "" ? undefined : JSON.parse(text);
  } catch {
    malformedBody = true;
  }
  const response = await dispatcher.handle({
    method: req.method,
    version,
    target: req.url,
    headers,
    body,
    malformedBody,
  });
  res.status(response.status);
  for (const [name, value] of Object.entries(response.headers ?? {})) res.set(name, value);
  if (response.body === undefined) res.end();
  else res.send(JSON.stringify(response.body));
}
