import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../..");

/** Runs scripts/ask.ts as `npm run ask` does, with the questions on standard input. */
function ask(input: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = execFile(process.execPath, ["--import", "tsx", "scripts/ask.ts"], { cwd: root }, (error, stdout) =>
      error ? fail(error) : done(stdout),
    );
    child.stdin?.end(input);
  });
}

describe("the ask script", () => {
  it("writes one JSON line per question, best result first", async () => {
    const output = await ask("laptop knackered\n\nwhat's for lunch in the canteen\n");
    const lines = output
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ q: "laptop knackered", answered: true });
    expect(lines[0].results[0]).toEqual({ id: "device-broken", score: expect.any(Number) });
    expect(Object.keys(lines[0])).toEqual(["q", "answered", "results"]);
    expect(lines[1]).toMatchObject({ q: "what's for lunch in the canteen", answered: false });
  });
});
