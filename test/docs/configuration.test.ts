import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES } from "../../core/config";
import { projectRoot } from "../support/process";

const read = (path: string) => readFileSync(join(projectRoot, path), "utf8");

describe("the documentation", () => {
  it.each(["README.md", "docs/configuration.md"])("lists every environment variable the app reads in %s", (file) => {
    const text = read(file);
    const missing = CONFIG_VARIABLES.filter((name) => !text.includes(`| \`${name}\``));
    expect(missing).toEqual([]);
  });

  it("gives the README's test command as the one .ci/run runs", () => {
    expect(read("README.md")).toContain("npm test");
    expect(read(".ci/run")).toMatch(/^npm test/m);
  });
});
