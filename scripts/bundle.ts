import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { build, type Plugin } from "esbuild";
import { type Zippable, zipSync } from "fflate";

/**
 * `npm run bundle [-- --out FILE] [--tabs FOLDER]`: builds the deployable zip
 * (build/icthub.zip by default) that Azure's zip deploy uploads and that
 * starts with `node server/main.js` alone: no tsx, no TypeScript, no npm
 * install and no build on the server.
 *
 *   server/main.js      the server (server/, core/, bot/, graph/) compiled and
 *                       bundled by esbuild; npm packages stay external
 *   knowledge/articles  the self-help articles, read at start
 *   dist/tabs           the tabs, built by Vite as `npm run build` builds them
 *                       (into the bundle, never over dist/), or copied from --tabs
 *   node_modules        exactly the installed packages the server imports and
 *                       what they depend on, copied from this node_modules
 *                       (offline; the same files `npm ci --omit=dev` installs)
 *   package.json        "type": "module", "start": "node server/main.js"
 *
 * The zip is written with fflate (a dependency already), not the system `zip`.
 */

const projectRoot = resolve(import.meta.dirname, "..");

export type BundleOptions = {
  /** Where the zip goes; build/icthub.zip by default. */
  out?: string;
  /** Built tabs to copy instead of building them. */
  tabsDir?: string;
};

export type BundleResult = { zipPath: string; bytes: number; files: number; packages: string[] };

type PackageJson = {
  name: string;
  version: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
};

type LockPackage = {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/**
 * Files in packages that Node never loads: type declarations, TypeScript
 * sources and source maps (about 40% of the packages' bytes). Licences and
 * everything else are kept.
 */
const notNeededToRun = /\.(?:[cm]?ts|map|tsbuildinfo)$/;

/** A problem the person running the bundle can fix: printed as one line, exit code 1. */
class BundleError extends Error {}

export async function buildBundle(options: BundleOptions = {}): Promise<BundleResult> {
  const zipPath = resolve(options.out ?? join(projectRoot, "build", "icthub.zip"));
  const rootPackage = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as PackageJson;
  const stage = mkdtempSync(join(tmpdir(), "icthub-bundle-"));
  try {
    const imported = await compileServer(stage);
    const packages = copyProductionPackages(stage, imported, rootPackage);
    cpSync(join(projectRoot, "knowledge", "articles"), join(stage, "knowledge", "articles"), { recursive: true });
    await placeTabs(join(stage, "dist", "tabs"), options.tabsDir);
    writeFileSync(
      join(stage, "package.json"),
      `${JSON.stringify(bundlePackageJson(rootPackage, imported), null, 2)}\n`,
    );

    const files = collectFiles(stage);
    mkdirSync(dirname(zipPath), { recursive: true });
    const partial = `${zipPath}.partial`;
    writeFileSync(partial, zipSync(files, { level: 6 }));
    renameSync(partial, zipPath);
    return { zipPath, bytes: statSync(zipPath).size, files: Object.keys(files).length, packages };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Bundles server/main.ts into server/main.js and answers the npm packages it
 * imports. Each module's import.meta.url, dirname and filename are rewritten to
 * where that module's file would be in the bundle's folder, so paths such as
 * `../../knowledge/articles` from core/selfhelp/ resolve inside the bundle.
 */
async function compileServer(stage: string): Promise<Set<string>> {
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: [join(projectRoot, "server", "main.ts")],
    outfile: join(stage, "server", "main.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    packages: "external",
    keepNames: true,
    sourcemap: "linked",
    sourcesContent: false,
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
    plugins: [moduleLocations()],
    banner: {
      js: [
        'import { join as __icthubJoin } from "node:path";',
        'import { pathToFileURL as __icthubToUrl } from "node:url";',
        "const __icthubRoot = __icthubJoin(import.meta.dirname, '..');",
        "const __icthubPath = (file) => __icthubJoin(__icthubRoot, file);",
        "const __icthubUrl = (file) => __icthubToUrl(__icthubPath(file)).href;",
      ].join("\n"),
    },
  });
  const imported = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const entry of output.imports) {
      if (!entry.external || isBuiltin(entry.path)) continue;
      imported.add(packageName(entry.path));
    }
  }
  return imported;
}

function moduleLocations(): Plugin {
  return {
    name: "module-locations",
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\.tsx?$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        if (!source.includes("import.meta"))
          return { contents: source, loader: args.path.endsWith("x") ? "tsx" : "ts" };
        const file = relative(projectRoot, args.path).split(sep).join("/");
        const contents = source
          .replaceAll("import.meta.url", `__icthubUrl(${JSON.stringify(file)})`)
          .replaceAll("import.meta.dirname", `__icthubPath(${JSON.stringify(dirname(file))})`)
          .replaceAll("import.meta.filename", `__icthubPath(${JSON.stringify(file)})`);
        if (contents.includes("import.meta")) {
          throw new BundleError(
            `${file} uses import.meta in a way the bundle cannot place (only url, dirname and filename are rewritten)`,
          );
        }
        return { contents, loader: args.path.endsWith("x") ? "tsx" : "ts" };
      });
    },
  };
}

/** "csv-parse/sync" → "csv-parse"; "@azure/msal-node/x" → "@azure/msal-node". */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
}

/**
 * Copies the packages the server imports, and everything they need at run
 * time, from node_modules: the tree npm recorded in node_modules/.package-lock.json
 * (what is installed), walked by Node's resolution. Each must be a production
 * dependency, or `npm ci --omit=dev` would not install it either.
 */
function copyProductionPackages(stage: string, imported: Set<string>, rootPackage: PackageJson): string[] {
  const notProduction = [...imported].filter((name) => !rootPackage.dependencies?.[name]);
  if (notProduction.length > 0) {
    throw new BundleError(
      `The server imports ${notProduction.join(", ")}, which package.json does not list under "dependencies": move them there.`,
    );
  }
  const hidden = join(projectRoot, "node_modules", ".package-lock.json");
  if (!existsSync(hidden))
    throw new BundleError("node_modules is missing or was not installed by npm: run npm ci first.");
  const tree = (JSON.parse(readFileSync(hidden, "utf8")) as { packages: Record<string, LockPackage> }).packages;

  const locate = (from: string, name: string): string | undefined => {
    let base = from;
    for (;;) {
      const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
      if (tree[candidate] && existsSync(join(projectRoot, candidate, "package.json"))) return candidate;
      if (!base) return undefined;
      const cut = base.lastIndexOf("/node_modules/");
      base = cut === -1 ? "" : base.slice(0, cut);
    }
  };

  const wanted = new Set<string>();
  const queue: { from: string; name: string; optional: boolean }[] = [...imported].map((name) => ({
    from: "",
    name,
    optional: false,
  }));
  while (queue.length > 0) {
    const { from, name, optional } = queue.shift() as (typeof queue)[number];
    const found = locate(from, name);
    if (!found) {
      if (optional) continue;
      throw new BundleError(`${name} (needed by ${from || "the server"}) is not installed: run npm ci first.`);
    }
    if (wanted.has(found)) continue;
    const entry = tree[found] as LockPackage;
    if (entry.link) throw new BundleError(`${found} is a link; the bundle copies installed packages only.`);
    wanted.add(found);
    for (const dep of Object.keys(entry.dependencies ?? {})) queue.push({ from: found, name: dep, optional: false });
    for (const dep of Object.keys(entry.optionalDependencies ?? {}))
      queue.push({ from: found, name: dep, optional: true });
    for (const dep of Object.keys(entry.peerDependencies ?? {})) {
      // npm installs required peers; optional ones are used only when present.
      queue.push({ from: found, name: dep, optional: true });
    }
  }

  for (const path of [...wanted].sort()) {
    const source = join(projectRoot, path);
    cpSync(source, join(stage, path), {
      recursive: true,
      dereference: true,
      filter: (file) =>
        // Nested packages are copied on their own, if the walk reached them.
        !relative(source, file).split(sep).includes("node_modules") &&
        !(notNeededToRun.test(file) && statSync(file).isFile()),
    });
  }
  return [...wanted].sort();
}

async function placeTabs(target: string, prebuilt: string | undefined) {
  if (prebuilt) {
    if (!existsSync(join(prebuilt, "index.html")))
      throw new BundleError(`${prebuilt} holds no built tabs (index.html).`);
    cpSync(prebuilt, target, { recursive: true });
    return;
  }
  // Vite is a development dependency: loaded only here, when the bundle is built.
  const { build: viteBuild } = await import("vite");
  await viteBuild({
    configFile: join(projectRoot, "tabs", "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: target, emptyOutDir: true },
  });
}

function bundlePackageJson(rootPackage: PackageJson, imported: Set<string>) {
  const installedVersion = (name: string) =>
    (JSON.parse(readFileSync(join(projectRoot, "node_modules", name, "package.json"), "utf8")) as PackageJson).version;
  return {
    name: rootPackage.name,
    version: rootPackage.version,
    private: true,
    description: "ICT Hub, built by npm run bundle: start with node server/main.js (dependencies are included).",
    type: "module",
    engines: rootPackage.engines ?? { node: ">=20.19" },
    scripts: { start: "node server/main.js" },
    dependencies: Object.fromEntries([...imported].sort().map((name) => [name, installedVersion(name)])),
  };
}

/** Every file under the folder as zip entries, forward slashes, read-only for group and others. */
function collectFiles(folder: string): Zippable {
  const files: Zippable = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const name = relative(folder, path).split(sep).join("/");
        files[name] = [readFileSync(path), { os: 3, attrs: 0o644 << 16 }];
      }
    }
  };
  walk(folder);
  return files;
}

function parseArgs(argv: string[]): BundleOptions {
  const options: BundleOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === "--out" || arg === "--tabs") && value && !value.startsWith("--")) {
      if (arg === "--out") options.out = value;
      else options.tabsDir = resolve(value);
      i++;
    } else {
      throw new BundleError(
        `Unknown argument ${arg}: use --out FILE and --tabs FOLDER (built tabs to use as they are).`,
      );
    }
  }
  return options;
}

async function main() {
  try {
    const started = Date.now();
    const result = await buildBundle(parseArgs(process.argv.slice(2)));
    const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
    process.stdout.write(
      `${relative(process.cwd(), result.zipPath) || result.zipPath}: ${megabytes} MB, ${result.files} files, ` +
        `${result.packages.length} packages, in ${((Date.now() - started) / 1000).toFixed(0)} s. ` +
        "Start it with: node server/main.js\n",
    );
  } catch (error) {
    if (error instanceof BundleError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

if (import.meta.filename === process.argv[1]) await main();
