import { AppManifestUtils } from "@microsoft/app-manifest";
import { PNG } from "pngjs";

const semver =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const shippedSchema =
  /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\/MicrosoftTeams\.schema\.json$/;

/**
 * Every problem with a filled manifest, checked offline against the schema
 * `@microsoft/app-manifest` ships for its `$schema`, plus what the schema
 * leaves out (semver version). An empty list means valid.
 */
export async function manifestProblems(manifest: unknown): Promise<string[]> {
  const m = manifest as { $schema?: string; version?: unknown };
  if (typeof m !== "object" || m === null) return ["the manifest is not a JSON object"];
  if (!m.$schema || !shippedSchema.test(m.$schema)) {
    return [
      `$schema must be Microsoft's Teams schema address (…/teams/v1.NN/MicrosoftTeams.schema.json) so it validates offline; got ${JSON.stringify(m.$schema)}`,
    ];
  }
  const problems = await AppManifestUtils.validateAgainstSchema(manifest as never);
  if (typeof m.version === "string" && !semver.test(m.version)) {
    problems.push(`version "${m.version}" is not a semantic version such as 1.2.3`);
  }
  return problems;
}

/** Problems with the two icons Teams requires (sizes; the outline transparent and white). */
export function iconProblems(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const colorPng = readPng(color, "color.png", problems);
  if (colorPng && (colorPng.width !== 192 || colorPng.height !== 192)) {
    problems.push(`color.png must be 192×192 pixels, is ${colorPng.width}×${colorPng.height}`);
  }
  const outlinePng = readPng(outline, "outline.png", problems);
  if (outlinePng) {
    if (outlinePng.width !== 32 || outlinePng.height !== 32) {
      problems.push(`outline.png must be 32×32 pixels, is ${outlinePng.width}×${outlinePng.height}`);
    }
    let transparent = 0;
    let notWhite = 0;
    for (let i = 0; i < outlinePng.data.length; i += 4) {
      const [r, g, b, a] = [outlinePng.data[i], outlinePng.data[i + 1], outlinePng.data[i + 2], outlinePng.data[i + 3]];
      if (a === 0) transparent++;
      else if (r !== 255 || g !== 255 || b !== 255) notWhite++;
    }
    if (transparent === 0) problems.push("outline.png must have a transparent background");
    if (notWhite > 0) problems.push(`outline.png must be white on transparent; ${notWhite} pixels are another colour`);
  }
  return problems;
}

function readPng(bytes: Buffer, name: string, problems: string[]): PNG | null {
  try {
    return PNG.sync.read(bytes);
  } catch (error) {
    problems.push(`${name} is not a readable PNG (${(error as Error).message})`);
    return null;
  }
}
