import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Replaces one benchmark's results in docs/benchmarks.md, between a pair of
 * `<!-- name -->` markers, so each benchmark rewrites only its own table and
 * the prose around it stays as written.
 */
export function writeBenchmarkSection(name: string, lines: readonly string[]): void {
  const path = join(import.meta.dirname, "..", "docs", "benchmarks.md");
  const doc = readFileSync(path, "utf8");
  const marker = `<!-- ${name} -->`;
  const section = `${marker}\n${lines.join("\n")}\n${marker}`;
  const updated = doc.includes(marker)
    ? doc.replace(new RegExp(`${marker}[\\s\\S]*${marker}`), () => section)
    : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, updated);
}
