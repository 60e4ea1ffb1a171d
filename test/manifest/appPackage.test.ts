import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config";
import { buildAppPackage, defaultSources } from "../../manifest/buildAppPackage";
import { ManifestError, manifestValues } from "../../manifest/fillManifest";

const tenantEnv = {
  TENANT_ID: "11111111-1111-1111-1111-111111111111",
  CLIENT_ID: "22222222-2222-2222-2222-222222222222",
  CLIENT_SECRET: "secret",
  PUBLIC_URL: "https://icthub.example.gov.uk",
  COUNCIL_NAME: 'Llan "Fawr" Council',
};
const values = () => manifestValues(loadConfig(tenantEnv), "1.4.0");

async function problemsFrom(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ManifestError);
  return (error as ManifestError).problems;
}

function brokenCopy(edit: (manifest: Record<string, unknown>) => void) {
  const dir = mkdtempSync(join(tmpdir(), "icthub-manifest-"));
  const template = JSON.parse(readFileSync(defaultSources.templatePath, "utf8"));
  edit(template);
  const templatePath = join(dir, "manifest.template.json");
  writeFileSync(templatePath, JSON.stringify(template));
  return { ...defaultSources, templatePath };
}

describe("the Teams app package", () => {
  it("fills the manifest from config and zips it with both icons at the root", async () => {
    const { zip } = await buildAppPackage(values());
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    expect(manifest).toMatchObject({
      version: "1.4.0",
      developer: { name: 'Llan "Fawr" Council', privacyUrl: "https://icthub.example.gov.uk/privacy.html" },
      bots: [{ botId: tenantEnv.CLIENT_ID }],
      staticTabs: expect.arrayContaining([
        expect.objectContaining({
          entityId: "my-ict",
          name: "My ICT",
          contentUrl: "https://icthub.example.gov.uk/?view=my-ict",
        }),
      ]),
      configurableTabs: [expect.objectContaining({ configurationUrl: "https://icthub.example.gov.uk/?view=config" })],
      validDomains: ["icthub.example.gov.uk"],
      webApplicationInfo: { id: tenantEnv.CLIENT_ID, resource: `api://icthub.example.gov.uk/${tenantEnv.CLIENT_ID}` },
    });
    expect(JSON.stringify(manifest)).not.toContain("${{");
  });

  it("is byte-identical when built twice from the same inputs", async () => {
    const a = await buildAppPackage(values());
    const b = await buildAppPackage(values());
    expect(Buffer.from(a.zip).equals(Buffer.from(b.zip))).toBe(true);
  });

  it("rejects a broken manifest and lists every schema error", async () => {
    const sources = brokenCopy((m) => {
      (m.developer as Record<string, unknown>).name = undefined;
      m.accentColor = "blue";
      (m.bots as Record<string, unknown>[]).splice(0, 1, {
        botId: "22222222-2222-2222-2222-222222222222",
        scopes: ["everywhere"],
      });
    });
    const problems = await problemsFrom(buildAppPackage(values(), sources));
    expect(problems.length).toBeGreaterThanOrEqual(3);
    const text = problems.join("\n");
    expect(text).toMatch(/developer.*name|name.*developer/i);
    expect(text).toMatch(/accentColor/);
    expect(text).toMatch(/scopes/);
  });

  it("rejects a version that is not semver, which the schema itself allows", async () => {
    const problems = await problemsFrom(buildAppPackage({ ...values(), APP_VERSION: "2026.11" }));
    expect(problems).toEqual(['version "2026.11" is not a semantic version such as 1.2.3']);
  });

  it("rejects a $schema it cannot validate offline", async () => {
    const sources = brokenCopy((m) => {
      m.$schema = "https://example.com/schema.json";
    });
    const problems = await problemsFrom(buildAppPackage(values(), sources));
    expect(problems[0]).toMatch(/\$schema must be Microsoft's Teams schema address/);
  });

  it("rejects an outline icon that is not white on transparent, and a colour icon of the wrong size", async () => {
    const dir = mkdtempSync(join(tmpdir(), "icthub-icons-"));
    const opaque = new PNG({ width: 32, height: 32 });
    opaque.data.fill(128);
    const small = new PNG({ width: 96, height: 96 });
    small.data.fill(255);
    writeFileSync(join(dir, "outline.png"), PNG.sync.write(opaque));
    writeFileSync(join(dir, "color.png"), PNG.sync.write(small));
    const problems = await problemsFrom(
      buildAppPackage(values(), {
        ...defaultSources,
        outlinePath: join(dir, "outline.png"),
        colorPath: join(dir, "color.png"),
      }),
    );
    expect(problems).toEqual([
      "color.png must be 192×192 pixels, is 96×96",
      "outline.png must have a transparent background",
      "outline.png must be white on transparent; 1024 pixels are another colour",
    ]);
  });

  it("will not package for a tab address Teams cannot load, nor without the app ids", () => {
    expect(() => manifestValues(loadConfig({}), "1.0.0")).toThrow(ManifestError);
    try {
      manifestValues(loadConfig({}), "1.0.0");
    } catch (error) {
      expect((error as ManifestError).problems).toEqual([
        expect.stringMatching(/^PUBLIC_URL is http:\/\/localhost:3978: Teams loads tabs only over https/),
        expect.stringMatching(/^BOT_ID/),
        expect.stringMatching(/^CLIENT_ID/),
      ]);
    }
  });
});
