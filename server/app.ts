import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ActivityHandler, CloudAdapter } from "botbuilder";
import express, { type ErrorRequestHandler, type Router } from "express";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { messagesRoute } from "../bot/messagesRoute";
import type { Database } from "../core/store/database";
import { healthRoutes } from "./healthRoutes";

export type AppDeps = {
  db: Kysely<Database>;
  log: Logger;
  adapter: CloudAdapter;
  bot: ActivityHandler;
  botAuthenticationOn: boolean;
  /** Folder of the built tabs (Vite output). */
  tabsDir: string;
  /** The tabs' JSON API (SSO-validated), at /api/tab. */
  tabRouter?: Router;
  /** Loopback-only routes for the CLI. */
  adminRouter?: Router;
  /** Server-rendered pages (the help articles), served before the tabs. */
  pageRouters?: Router[];
};

const requestIdPattern = /^[\w.:-]{1,64}$/;

/** The HTTP surface of the app: bot, tab API, tabs and health checks. */
export function createHttpApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", 1);

  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id = typeof incoming === "string" && requestIdPattern.test(incoming) ? incoming : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
      // Query strings and headers can carry tokens: log neither.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, path: String(req.url).split("?")[0] }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    }),
  );

  app.use(healthRoutes(deps.db));

  app.post(
    "/api/messages",
    express.json({ limit: "1mb" }),
    messagesRoute({ adapter: deps.adapter, bot: deps.bot, authenticationOn: deps.botAuthenticationOn }),
  );

  if (deps.adminRouter) app.use("/api/admin", express.json({ limit: "64kb" }), deps.adminRouter);
  app.use("/api/tab", express.json({ limit: "1mb" }));
  if (deps.tabRouter) app.use("/api/tab", deps.tabRouter);
  app.use("/api", (_req, res) => {
    res.status(404).json({ error: { code: "not_found", message: "No such API route" } });
  });

  for (const router of deps.pageRouters ?? []) app.use(router);

  if (existsSync(join(deps.tabsDir, "index.html"))) {
    app.use(express.static(deps.tabsDir, { index: "index.html", maxAge: "1h" }));
  } else {
    deps.log.warn({ tabsDir: deps.tabsDir }, "tabs are not built: run npm run build");
    app.get("/", (_req, res) => {
      res.status(503).type("text/plain").send("The tabs have not been built: run npm run build, then restart.");
    });
  }

  const errors: ErrorRequestHandler = (error, req, res, _next) => {
    const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status >= 500) req.log.error({ err: error }, "request failed");
    if (res.headersSent) return;
    const code =
      error?.type === "entity.parse.failed"
        ? "invalid_json"
        : status === 413
          ? "too_large"
          : status >= 500
            ? "internal"
            : "bad_request";
    const message =
      code === "invalid_json"
        ? "The body is not valid JSON"
        : code === "too_large"
          ? "The body is too large"
          : status >= 500
            ? "Something went wrong; it has been logged"
            : "Bad request";
    res.status(status).json({ error: { code, message } });
  };
  app.use(errors);
  return app;
}
