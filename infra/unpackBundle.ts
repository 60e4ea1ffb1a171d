import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, normalize, resolve, sep } from "node:path";
import { unzipSync } from "fflate";

/**
 * The deploy stage of m365agents.yml:
 *
 *   node --import tsx infra/unpackBundle.ts ./build/icthub.zip ./build/icthub
 *
 * unpacks the prebuilt bundle (`npm run bundle`, or a release's icthub.zip)
 * into the folder the toolkit's azureAppService/zipDeploy uploads. It builds
 * nothing: the App Service runs `node server/main.js` from exactly these files.
 */
export function unpackBundle(zipPath: string, folder: string): string[] {
  if (!existsSync(zipPath)) {
    throw new Error(
      `${zipPath} does not exist: run \`npm run bundle\` first (or put the release's icthub.zip there), then deploy again.`,
    );
  }
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const names = Object.keys(entries).filter((name) => !name.endsWith("/"));
  if (!names.includes("server/main.js") || !names.includes("package.json")) {
    throw new Error(`${zipPath} is not an ICT Hub bundle: it has no server/main.js and package.json at its root.`);
  }
  const root = resolve(folder);
  const targets = names.map((name) => {
    const target = normalize(join(root, name));
    // A zip entry may not point outside the folder (../ or an absolute path).
    if (isAbsolute(name) || !target.startsWith(root + sep)) throw new Error(`${zipPath} holds an unsafe path: ${name}`);
    return [name, target] as const;
  });
  rmSync(root, { recursive: true, force: true });
  for (const [name, target] of targets) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entries[name] as Uint8Array);
  }
  return names;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [zipPath, folder] = process.argv.slice(2);
  if (!zipPath || !folder) {
    process.stderr.write("usage: node --import tsx infra/unpackBundle.ts <bundle zip> <folder>\n");
    process.exitCode = 1;
  } else {
    try {
      const names = unpackBundle(zipPath, folder);
      process.stdout.write(`Unpacked ${names.length} files from ${zipPath} to ${folder}\n`);
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  }
}
