import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, environmentWithDotEnv, loadConfig } from "../../core/config";

const tenant = {
  TENANT_ID: "11111111-1111-1111-1111-111111111111",
  CLIENT_ID: "22222222-2222-2222-2222-222222222222",
  CLIENT_SECRET: "very-secret-value",
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("runs in dev-tenant mode on PGlite in ./data on port 3978, on loopback, with bot authentication off, when nothing is set", () => {
    const config = loadConfig({});
    expect(config.mode).toBe("dev-tenant");
    expect(config.store).toEqual({ engine: "pglite", dataDir: "./data" });
    expect(config.server).toMatchObject({ port: 3978, host: "127.0.0.1", publicUrl: "http://localhost:3978" });
    expect(config.bot.appId).toBeNull();
    expect(config.tenant).toBeNull();
  });

  it("uses the tenant and turns bot authentication on when the tenant variables are set", () => {
    const config = loadConfig(tenant);
    expect(config.mode).toBe("tenant");
    expect(config.bot).toMatchObject({
      appId: tenant.CLIENT_ID,
      appPassword: tenant.CLIENT_SECRET,
      tenantId: tenant.TENANT_ID,
    });
    expect(config.server.host).toBe("0.0.0.0");
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@db:5432/ict" }).store).toEqual({
      engine: "postgres",
      url: "postgres://u@db:5432/ict",
      poolMax: 10,
    });
  });

  it("names the variable and what it expects when a value is invalid", () => {
    expect(problemsOf({ PORT: "eighty" })).toEqual([
      'PORT expects a port number from 1 to 65535 (0 picks a free port), got "eighty"',
    ]);
    expect(problemsOf({ DATABASE_URL: "mysql://x" })[0]).toMatch(/^DATABASE_URL expects a PostgreSQL URL/);
    expect(problemsOf({ TENANT_ID: "contoso" })[0]).toMatch(/^TENANT_ID expects a GUID/);
  });

  it("lists every problem at once", () => {
    expect(problemsOf({ PORT: "-1", LOG_LEVEL: "loud" })).toHaveLength(2);
  });

  it("names the missing tenant variables when only some are set", () => {
    expect(problemsOf({ TENANT_ID: tenant.TENANT_ID })).toEqual([
      "CLIENT_ID and CLIENT_SECRET, CLIENT_CERTIFICATE_PATH or CLIENT_ASSERTION must be set to use a Microsoft tenant (leave all tenant variables unset for the dev tenant)",
    ]);
  });

  it("asks for the tenant when a single-tenant bot id is set without one", () => {
    expect(problemsOf({ BOT_ID: tenant.CLIENT_ID, BOT_PASSWORD: "x" })[0]).toMatch(
      /^TENANT_ID, CLIENT_ID and .* must be set when BOT_ID is set/,
    );
  });

  it("refuses to listen beyond loopback while bot authentication is off", () => {
    expect(problemsOf({ HOST: "0.0.0.0" })[0]).toMatch(/^HOST must be a loopback address/);
  });

  it("never repeats a secret in an error", () => {
    const problems = problemsOf({ ...tenant, CLIENT_SECRET: "", BOT_ID: tenant.CLIENT_ID, BOT_PASSWORD: "" });
    expect(problems.join(" ")).not.toContain("very-secret-value");
  });

  it("is frozen", () => {
    const config = loadConfig({});
    expect(() => {
      (config.server as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it("reads .env beneath the environment: a variable already set wins", () => {
    const dir = mkdtempSync(join(tmpdir(), "icthub-env-"));
    writeFileSync(join(dir, ".env"), "PORT=4000\nCOUNCIL_NAME=Ceredigion\n");
    const env = environmentWithDotEnv({ PORT: "5000" }, join(dir, ".env"));
    const config = loadConfig(env);
    expect(config.server.port).toBe(5000);
    expect(config.teamsApp.councilName).toBe("Ceredigion");
  });

  it("runs without a .env file", () => {
    expect(environmentWithDotEnv({ PORT: "1" }, "/nonexistent/.env")).toMatchObject({ PORT: "1" });
  });

  it("classifies devices for refresh at 4 years, due 6 months before, stale after 30 days and lost after 90, unless told otherwise", () => {
    expect(loadConfig({}).refresh).toEqual({
      ageYears: 4,
      dueMonths: 6,
      staleDays: 30,
      lostDays: 90,
      requireWindows11: true,
      noncompliantIsDue: false,
    });
    const config = loadConfig({
      REFRESH_AGE_YEARS: "4.5",
      REFRESH_DUE_MONTHS: "12",
      REFRESH_REQUIRE_WINDOWS_11: "false",
      REFRESH_NONCOMPLIANT_DUE: "true",
      DEVICE_STALE_DAYS: "14",
      DEVICE_LOST_DAYS: "60",
    });
    expect(config.refresh).toEqual({
      ageYears: 4.5,
      dueMonths: 12,
      staleDays: 14,
      lostDays: 60,
      requireWindows11: false,
      noncompliantIsDue: true,
    });
  });

  it("refuses a refresh policy that contradicts itself", () => {
    expect(problemsOf({ DEVICE_STALE_DAYS: "30", DEVICE_LOST_DAYS: "30" })).toEqual([
      "DEVICE_LOST_DAYS (30) must be more than DEVICE_STALE_DAYS (30): a device is stale before it is lost",
    ]);
    expect(problemsOf({ REFRESH_AGE_YEARS: "2", REFRESH_DUE_MONTHS: "24" })).toEqual([
      "REFRESH_DUE_MONTHS (24) must be less than REFRESH_AGE_YEARS (2) in months",
    ]);
    expect(problemsOf({ REFRESH_DUE_MONTHS: "6.5" })).toEqual([
      'REFRESH_DUE_MONTHS expects a whole number of months from 0 to 36, got "6.5"',
    ]);
  });
});
