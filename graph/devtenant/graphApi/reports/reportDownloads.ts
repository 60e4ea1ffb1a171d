import { randomBytes } from "node:crypto";
import type { Request, Response } from "express";

const lifetimeMs = 5 * 60_000;

/**
 * The short-lived, unauthenticated CSV links a report's 302 points at, as
 * reports.office.com serves them: anyone with the link may read it for five
 * minutes, then it is gone.
 */
export class ReportDownloads {
  private readonly files = new Map<string, { csv: string; expiresAt: number }>();

  constructor(private readonly now: () => Date) {}

  /** Keeps a CSV and returns the path to fetch it from. */
  add(csv: string): string {
    const at = this.now().getTime();
    for (const [key, file] of this.files) if (file.expiresAt <= at) this.files.delete(key);
    const key = randomBytes(18).toString("base64url");
    this.files.set(key, { csv, expiresAt: at + lifetimeMs });
    return `/_reports/${key}.csv`;
  }

  /** `GET /_reports/:file` */
  serve(req: Request, res: Response): void {
    const key = String(req.params.file).replace(/\.csv$/, "");
    const file = this.files.get(key);
    if (!file || file.expiresAt <= this.now().getTime()) {
      this.files.delete(key);
      res
        .status(404)
        .type("text/plain")
        .send("This report link has expired or never existed: ask Graph for the report again.");
      return;
    }
    res.type("application/octet-stream").set("content-disposition", "attachment").send(Buffer.from(file.csv, "utf8"));
  }
}
