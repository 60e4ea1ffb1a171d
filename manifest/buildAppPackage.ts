import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { fillManifest, ManifestError, type ManifestValues } from "./fillManifest";
import { iconProblems, manifestProblems } from "./validateManifest";

const here = dirname(fileURLToPath(import.meta.url));

/** Where the template and icons live; tests point this at broken copies. */
export type ManifestSources = { templatePath: string; colorPath: string; outlinePath: string };

export const defaultSources: ManifestSources = {
  templatePath: join(here, "manifest.template.json"),
  colorPath: join(here, "color.png"),
  outlinePath: join(here, "outline.png"),
};

/**
 * Fills, validates and zips the Teams app package (manifest.json and the two
 * icons at the root, as Teams expects).
 * @throws ManifestError with every schema and icon problem found.
 */
export async function buildAppPackage(
  values: ManifestValues,
  sources: ManifestSources = defaultSources,
): Promise<{ manifest: unknown; zip: Uint8Array }> {
  const manifest = fillManifest(readFileSync(sources.templatePath, "utf8"), values);
  const color = readFileSync(sources.colorPath);
  const outline = readFileSync(sources.outlinePath);
  const problems = [...(await manifestProblems(manifest)), ...iconProblems(color, outline)];
  if (problems.length > 0) throw new ManifestError(problems);
  const zip = zipSync(
    {
      "manifest.json": strToU8(JSON.stringify(manifest, null, 2)),
      "color.png": new Uint8Array(color),
      "outline.png": new Uint8Array(outline),
    },
    // A fixed date keeps the package byte-identical for identical inputs.
    { mtime: new Date("2026-01-01T00:00:00Z") },
  );
  return { manifest, zip };
}
