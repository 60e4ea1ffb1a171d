import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Reads infra/*.bicep as text: the Bicep compiler cannot be installed here, so
 * the checks read the declarations they need (one per line, as the files are
 * written) and evaluate the simple string expressions the app settings and
 * outputs are made of.
 */

export const projectRoot = join(import.meta.dirname, "..", "..");
export const readProjectFile = (path: string) => readFileSync(join(projectRoot, path), "utf8");

export type BicepFile = {
  text: string;
  params: Map<string, { type: string; defaultValue: string | null; decorators: string[] }>;
  vars: Map<string, string>;
  outputs: Map<string, string>;
  resources: { symbol: string; type: string; apiVersion: string; body: string }[];
  /** App Service settings, name → Bicep expression, in order. */
  appSettings: Map<string, string>;
};

export function readBicep(path: string): BicepFile {
  const text = readProjectFile(path);
  const lines = text.split("\n");
  const params: BicepFile["params"] = new Map();
  let decorators: string[] = [];
  let inDecoratorArray = false;
  for (const line of lines) {
    if (inDecoratorArray) {
      decorators[decorators.length - 1] += ` ${line.trim()}`;
      if (line.trim() === "])") inDecoratorArray = false;
      continue;
    }
    if (line.startsWith("@")) {
      decorators.push(line.trim());
      if (line.trim().endsWith("([")) inDecoratorArray = true;
      continue;
    }
    const param = /^param (\w+) (\w+)(?: = (.+))?$/.exec(line);
    if (param) {
      params.set(param[1] as string, {
        type: param[2] as string,
        defaultValue: param[3] ?? null,
        decorators,
      });
    }
    if (line.trim() !== "" && !line.startsWith("//")) decorators = [];
  }
  const vars = new Map([...text.matchAll(/^var (\w+) = (.+)$/gm)].map((m) => [m[1] as string, m[2] as string]));
  const outputs = new Map(
    [...text.matchAll(/^output (\w+) string = (.+)$/gm)].map((m) => [m[1] as string, m[2] as string]),
  );
  const resources = [...text.matchAll(/^resource (\w+) '([^@']+)@([^']+)' = (?:if \(.+\) )?\{$/gm)].map((m) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf("\n}\n", start);
    return {
      symbol: m[1] as string,
      type: m[2] as string,
      apiVersion: m[3] as string,
      body: text.slice(start, end === -1 ? undefined : end),
    };
  });
  const appSettings = new Map(
    [...text.matchAll(/^\s+\{ name: '([^']+)', value: (.+) \}$/gm)].map((m) => [m[1] as string, m[2] as string]),
  );
  return { text, params, vars, outputs, resources, appSettings };
}

/**
 * Evaluates a Bicep expression made of string literals with ${…}
 * interpolation, names of vars, params and resource properties, and
 * `a == 'x' ? b : c`. Names are looked up in `scope` first (give it values
 * for params, resource properties and anything computed by a function), then
 * in the file's vars.
 */
export function evaluate(bicep: BicepFile, expression: string, scope: Record<string, string>): string {
  const e = expression.trim();
  if (e in scope) return scope[e] as string;
  const literal = /^'(.*)'$/.exec(e);
  if (literal) {
    return (literal[1] as string).replace(/\$\{([^}]+)\}/g, (_whole, inner: string) => evaluate(bicep, inner, scope));
  }
  const ternary = /^([\w.]+) == '([^']*)' \? (.+?) : (.+)$/.exec(e);
  if (ternary) {
    const chosen = evaluate(bicep, ternary[1] as string, scope) === ternary[2] ? ternary[3] : ternary[4];
    return evaluate(bicep, chosen as string, scope);
  }
  const variable = bicep.vars.get(e);
  if (variable !== undefined) return evaluate(bicep, variable, scope);
  throw new Error(`cannot evaluate Bicep expression ${e}: give it a value in the scope`);
}

/** The ${{NAME}} placeholders the toolkit fills, in a text. */
export const placeholders = (text: string) =>
  new Set([...text.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string));
