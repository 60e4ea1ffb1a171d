import { createReadStream, writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import type { Config } from "../core/config";
import { isAppError } from "../core/errors";
import { t } from "../core/messages/catalogue";
import { type FileOutcome, importStream, reportFilesIn } from "../core/migration/importFiles";
import { failedItemsCsv } from "../core/migration/migrationFailures";
import { type MigrationOverview, migrationOverview } from "../core/migration/migrationOverview";
import { bulkTasksCsv, planCsv } from "../core/migration/planCsv";
import { configOrExit } from "../server/boot";
import { readLiveServerFile, type ServerFile } from "../server/serverFile";
import { openOwnStore } from "./ownStore";

/** What the commands need, from the running server or from the store opened here. */
type MigrationAccess = {
  importFile(path: string): Promise<FileOutcome[]>;
  csv(which: "plan" | "bulk" | "failed-items", wave?: string): Promise<string>;
  overview(): Promise<MigrationOverview>;
  close(): Promise<void>;
};

const exports = { "export-plan": "plan", "export-bulk": "bulk", "export-failures": "failed-items" } as const;

/**
 * `npm run migration:import -- <files, folders or zips>`, and
 * `npm run migration -- import … | export-plan | export-bulk [--wave NAME] | export-failures [--out FILE] | status`.
 * With the server running on the embedded store the server does the work;
 * otherwise this process opens the store itself.
 */
async function main() {
  const [command, ...args] = process.argv.slice(2);
  const out = optionValue(args, "--out");
  const wave = optionValue(args, "--wave");
  const paths = args.filter((a, i) => !a.startsWith("--") && !["--out", "--wave"].includes(args[i - 1] ?? ""));
  if (
    !command ||
    !(command === "import" || command === "status" || command in exports) ||
    (command === "import" && paths.length === 0)
  ) {
    process.stderr.write(`${t("migration.cli.usage")}\n`);
    process.exit(2);
  }
  const config = configOrExit();
  const server = readLiveServerFile(config.store);
  let access: MigrationAccess;
  try {
    access = server ? throughServer(server, config) : await onItsOwn(config);
  } catch (error) {
    process.stderr.write(`${isAppError(error) ? error.message : String(error)}\n`);
    process.exit(1);
  }
  try {
    if (command === "import") {
      let refused = 0;
      for (const file of reportFilesIn(paths)) {
        for (const outcome of await access.importFile(file)) {
          if (outcome.result === "refused") {
            refused += 1;
            process.stderr.write(`${outcome.message}\n`);
          } else {
            const key = outcome.result === "imported" ? "migration.cli.imported" : "migration.cli.unchanged";
            process.stdout.write(`${t(key, { file: outcome.fileName, kind: outcome.kind, rows: outcome.rows })}\n`);
          }
        }
      }
      if (refused > 0) process.exitCode = 1;
    } else if (command === "status") {
      const overview = await access.overview();
      for (const w of overview.waves) {
        process.stdout.write(
          `${t("migration.cli.wave", {
            name: w.name,
            sources: w.totals.sources,
            migrated: gb(w.totals.migratedBytes),
            planned: gb(w.totals.plannedBytes),
            failed: w.totals.failedItems,
            mismatches: w.totals.mismatches,
          })}\n`,
        );
      }
      const flagged = overview.sources.filter((s) => s.completedWithFailures);
      for (const s of flagged) {
        process.stdout.write(
          `${t("migration.cli.completedWithFailures", { source: s.uncPath, failed: s.failedItems })}\n`,
        );
      }
    } else {
      const csv = await access.csv(exports[command as keyof typeof exports], wave);
      if (out) {
        writeFileSync(out, csv);
        process.stdout.write(`${t("migration.cli.exported", { file: out })}\n`);
      } else process.stdout.write(csv);
    }
  } catch (error) {
    if (!isAppError(error, "invalid_input")) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } finally {
    await access.close();
  }
}

const gb = (bytes: number) => (bytes / 1024 ** 3).toFixed(1);

function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function onItsOwn(config: Config): Promise<MigrationAccess> {
  const store = await openOwnStore(config);
  return {
    importFile: (path) => importStream(store.db, path, createReadStream(path, { highWaterMark: 1 << 20 })),
    async csv(which, wave) {
      if (which === "plan") return (await planCsv(store.db)).csv;
      if (which === "bulk") return (await bulkTasksCsv(store.db, wave)).csv;
      return (await failedItemsCsv(store.db)).csv;
    },
    overview: () => migrationOverview(store.db, config.migration.verifyTolerancePercent, new Date()),
    close: () => store.close(),
  };
}

function throughServer(server: ServerFile, config: Config): MigrationAccess {
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}/api/admin/migration${path}`, {
      ...init,
      headers: { ...(init.headers ?? {}), "x-admin-token": server.adminToken },
    });
    if (response.ok) return response;
    throw new Error(t("migration.cli.serverRefused", { status: response.status, detail: await response.text() }));
  };
  return {
    async importFile(path) {
      const response = await call(`/import?name=${encodeURIComponent(path)}`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: Readable.toWeb(createReadStream(path, { highWaterMark: 1 << 20 })) as ReadableStream,
        duplex: "half",
      } as RequestInit);
      return ((await response.json()) as { outcomes: FileOutcome[] }).outcomes;
    },
    async csv(which, wave) {
      return (await call(`/${which}.csv${wave ? `?wave=${encodeURIComponent(wave)}` : ""}`)).text();
    },
    overview: async () =>
      (await (
        await call(`/overview?tolerance=${config.migration.verifyTolerancePercent}`)
      ).json()) as MigrationOverview,
    close: async () => {},
  };
}

void main();
