import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { parseEnv } from "node:util";
import { z } from "zod";
import { defaultRefreshPolicy, type RefreshPolicy } from "./refresh/refreshPolicy";

/**
 * The app's one configuration, read from the environment (and an optional
 * `.env` beneath it), validated once at start and frozen. Every variable is
 * documented in README.md and docs/configuration.md; a test keeps them in step.
 */
export type Config = Readonly<{
  /** "dev-tenant" when no Microsoft tenant is configured; everything then runs locally. */
  mode: "dev-tenant" | "tenant";
  server: Readonly<{
    /** TCP port for the bot, tab API, tabs and health checks. */
    port: number;
    /** Interface to listen on; loopback whenever bot authentication is off. */
    host: string;
    /** The address Teams and browsers reach this app at (no trailing slash). */
    publicUrl: string;
    /** How long SIGTERM waits for in-flight requests before closing. */
    shutdownGraceMs: number;
  }>;
  store: Readonly<
    | { engine: "pglite"; dataDir: string }
    | {
        engine: "postgres";
        url: string;
        poolMax: number;
        /** Sign in to PostgreSQL with an Entra token for this managed identity (null: the system-assigned one). */
        managedIdentity?: { clientId: string | null };
      }
  >;
  /** Null in dev-tenant mode. */
  tenant: Readonly<{
    tenantId: string;
    clientId: string;
    credential:
      | { kind: "secret"; secret: string }
      | { kind: "certificate"; path: string }
      /** A client assertion from this managed identity (a federated credential on the app registration). */
      | { kind: "managed-identity"; clientId: string | null };
  }> | null;
  bot: Readonly<{
    /** Bot (Entra app) id; null turns Bot Framework authentication off. */
    appId: string | null;
    appPassword: string | null;
    appType: "SingleTenant" | "UserAssignedMSI";
    tenantId: string | null;
  }>;
  teamsApp: Readonly<{
    /** The Teams app's own id in the manifest. */
    id: string;
    councilName: string;
    websiteUrl: string;
    privacyUrl: string;
    termsUrl: string;
  }>;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Whether this instance runs the background workers. */
  workersEnabled: boolean;
  /** The generated council served in dev-tenant mode; null with a real tenant. */
  devTenant: Readonly<{ port: number; staff: number; devices: number; seed: number }> | null;
  /** The Teams channel (its conversation id) where escalated tickets are posted; null: kept, not posted. */
  serviceDeskChannelId: string | null;
  /** How long a sender holds outbox deliveries without word from it before another instance takes them over. */
  outbox: { leaseMs: number };
  /** Scheduled jobs shared by instances: how long a claim lasts unrenewed, and (tests only) one interval for all. */
  jobs: Readonly<{ leaseMs: number; testIntervalMs: number | null }>;
  /** Sign-in names of ICT's approvers: they decide device requests of people with no manager or directorate head. */
  ictApprovers: readonly string[];
  /** Sign-in names of people who get the ICT role in the tabs, besides holders of the app role ICTHub.ICT. */
  ictStaff: readonly string[];
  sync: Readonly<{
    /** Whether the workers sync from Graph on their schedule. */
    scheduled: boolean;
    /** Days of usage-report snapshots kept. */
    usageRetentionDays: number;
  }>;
  /** How devices are classified for refresh (age, Windows 11, silence). */
  refresh: Readonly<RefreshPolicy>;
  /** How far (% of the scan) a migrated target's bytes or file count in Graph may differ before it is flagged. */
  migration: Readonly<{ verifyTolerancePercent: number }>;
  /** Collaboration adoption: the smallest group whose figures are shown, and the fewest days between two tips to one person. */
  adoption: Readonly<{ minGroupSize: number; tipGapDays: number }>;
}>;

/** Thrown when the environment does not describe a runnable app. */
export class ConfigError extends Error {
  readonly code = "config_invalid";
  constructor(readonly problems: string[]) {
    super(`Configuration error: ${problems.join("; ")}`);
  }
}

/** The Teams app id used when TEAMS_APP_ID is not set (fine for development). */
export const DEV_TEAMS_APP_ID = "5f0b1d3c-8a4e-4c7e-9a4b-1c2d3e4f5a6b";

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
  error: "expects a GUID such as 00000000-0000-0000-0000-000000000000",
});
const httpUrl = z
  .url({
    protocol: /^https?$/,
    error: "expects an http:// or https:// address",
  })
  .transform((url) => url.replace(/\/+$/, ""));
const portExpectation = "expects a port number from 1 to 65535 (0 picks a free port)";
const flag = z.enum(["true", "false", "1", "0"], {
  error: "expects true or false",
});
const wholeNumber = (from: number, to: number, unit: string, fallback: number) => {
  const error = `expects a whole number of ${unit} from ${from} to ${to}`;
  return z.coerce.number({ error }).int({ error }).min(from, { error }).max(to, { error }).default(fallback);
};

/** One entry per environment variable; keys are the variable names. */
/** A comma-separated list of sign-in names (UPNs). */
const signInNames = (example: string) =>
  z
    .string()
    .transform((list) =>
      list
        .split(",")
        .map((upn) => upn.trim())
        .filter((upn) => upn !== ""),
    )
    .pipe(z.array(z.email({ error: `expects sign-in names separated by commas, e.g. ${example}` })))
    .optional();

const variables = z.object({
  PORT: z.coerce
    .number({ error: portExpectation })
    .int({ error: portExpectation })
    .min(0, { error: portExpectation })
    .max(65535, { error: portExpectation })
    .default(3978),
  HOST: z
    .string()
    .refine((h) => isIP(h) !== 0 || h === "localhost", {
      error: "expects an IP address to listen on, such as 127.0.0.1 or 0.0.0.0",
    })
    .optional(),
  PUBLIC_URL: httpUrl.optional(),
  SHUTDOWN_GRACE_MS: z.coerce
    .number({ error: "expects milliseconds, such as 10000" })
    .int()
    .min(0, { error: "expects milliseconds, such as 10000" })
    .default(10_000),
  DATA_DIR: z.string().min(1, { error: "expects a folder path" }).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, {
      error: "expects a PostgreSQL URL such as postgres://user@host:5432/db",
    })
    .optional(),
  DATABASE_AUTH: z.enum(["url", "managed-identity"], { error: "expects url or managed-identity" }).default("url"),
  AZURE_CLIENT_ID: guid.optional(),
  DATABASE_POOL_MAX: z.coerce
    .number({ error: "expects a whole number of connections from 1 to 100" })
    .int()
    .min(1, { error: "expects a whole number of connections from 1 to 100" })
    .max(100, { error: "expects a whole number of connections from 1 to 100" })
    .default(10),
  TENANT_ID: guid.optional(),
  CLIENT_ID: guid.optional(),
  CLIENT_SECRET: z.string().min(1).optional(),
  CLIENT_CERTIFICATE_PATH: z.string().min(1).optional(),
  CLIENT_ASSERTION: z.enum(["managed-identity"], { error: "expects managed-identity" }).optional(),
  BOT_ID: guid.optional(),
  BOT_PASSWORD: z.string().min(1).optional(),
  BOT_TYPE: z
    .enum(["SingleTenant", "UserAssignedMSI"], {
      error: "expects SingleTenant or UserAssignedMSI",
    })
    .default("SingleTenant"),
  TEAMS_APP_ID: guid.default(DEV_TEAMS_APP_ID),
  COUNCIL_NAME: z
    .string()
    .min(1)
    .max(32, { error: "expects at most 32 characters (Teams' limit)" })
    .default("Your Council"),
  COUNCIL_WEBSITE_URL: httpUrl.optional(),
  PRIVACY_URL: httpUrl.optional(),
  TERMS_URL: httpUrl.optional(),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "expects one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  WORKERS_ENABLED: flag.default("true"),
  ICT_APPROVERS: signInNames("ict.approver@council.gov.uk"),
  ICT_STAFF: signInNames("ict.lead@council.gov.uk"),
  SERVICE_DESK_CHANNEL_ID: z
    .string()
    .regex(/^19:.+@thread\.(tacv2|skype)$/, { error: "expects a Teams channel id such as 19:abc123@thread.tacv2" })
    .optional(),
  OUTBOX_LEASE_SECONDS: wholeNumber(2, 600, "seconds", 30),
  JOB_LEASE_SECONDS: wholeNumber(2, 600, "seconds", 60),
  TEST_JOB_INTERVAL_SECONDS: z.coerce
    .number({ error: "expects a whole number of seconds from 1 to 86400 (tests only)" })
    .int({ error: "expects a whole number of seconds from 1 to 86400 (tests only)" })
    .min(1, { error: "expects a whole number of seconds from 1 to 86400 (tests only)" })
    .max(86_400, { error: "expects a whole number of seconds from 1 to 86400 (tests only)" })
    .optional(),
  GRAPH_SYNC_SCHEDULED: flag.default("true"),
  USAGE_RETENTION_DAYS: z.coerce
    .number({ error: "expects a whole number of days from 28 to 3650" })
    .int()
    .min(28, { error: "expects a whole number of days from 28 to 3650" })
    .max(3650, { error: "expects a whole number of days from 28 to 3650" })
    .default(1095),
  REFRESH_AGE_YEARS: z.coerce
    .number({ error: "expects a number of years from 1 to 15, such as 4 or 4.5" })
    .min(1, { error: "expects a number of years from 1 to 15, such as 4 or 4.5" })
    .max(15, { error: "expects a number of years from 1 to 15, such as 4 or 4.5" })
    .default(defaultRefreshPolicy.ageYears),
  REFRESH_DUE_MONTHS: wholeNumber(0, 36, "months", defaultRefreshPolicy.dueMonths),
  REFRESH_REQUIRE_WINDOWS_11: flag.default(defaultRefreshPolicy.requireWindows11 ? "true" : "false"),
  REFRESH_NONCOMPLIANT_DUE: flag.default(defaultRefreshPolicy.noncompliantIsDue ? "true" : "false"),
  DEVICE_STALE_DAYS: wholeNumber(1, 365, "days", defaultRefreshPolicy.staleDays),
  DEVICE_LOST_DAYS: wholeNumber(2, 1000, "days", defaultRefreshPolicy.lostDays),
  MIGRATION_VERIFY_TOLERANCE_PERCENT: z.coerce
    .number({ error: "expects a percentage from 0 to 100, such as 5" })
    .min(0, { error: "expects a percentage from 0 to 100, such as 5" })
    .max(100, { error: "expects a percentage from 0 to 100, such as 5" })
    .default(5),
  ADOPTION_MIN_GROUP_SIZE: wholeNumber(5, 1000, "people", 10),
  ADOPTION_TIP_GAP_DAYS: wholeNumber(1, 365, "days", 14),
  DEV_TENANT_PORT: z.coerce
    .number({ error: portExpectation })
    .int({ error: portExpectation })
    .min(0, { error: portExpectation })
    .max(65535, { error: portExpectation })
    .default(0),
  DEV_TENANT_STAFF: z.coerce
    .number({ error: "expects a whole number of staff from 10 to 100000" })
    .int()
    .min(10, { error: "expects a whole number of staff from 10 to 100000" })
    .max(100_000, { error: "expects a whole number of staff from 10 to 100000" })
    .default(5000),
  DEV_TENANT_DEVICES: z.coerce
    .number({ error: "expects a whole number of devices from 10 to 200000" })
    .int()
    .min(10, { error: "expects a whole number of devices from 10 to 200000" })
    .max(200_000, { error: "expects a whole number of devices from 10 to 200000" })
    .default(6000),
  DEV_TENANT_SEED: z.coerce
    .number({ error: "expects a whole number" })
    .int({ error: "expects a whole number" })
    .default(1),
});

/** The names of every variable the app reads, for documentation checks. */
export const CONFIG_VARIABLES = Object.keys(variables.shape);

/**
 * Reads `.env` (if present) beneath the given environment: a variable that is
 * already set wins, as with every twelve-factor tool.
 */
export function environmentWithDotEnv(env: NodeJS.ProcessEnv, dotEnvPath = ".env"): Record<string, string | undefined> {
  let fromFile: Record<string, string> = {};
  try {
    fromFile = parseEnv(readFileSync(dotEnvPath, "utf8")) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new ConfigError([`${dotEnvPath} could not be read: ${(error as Error).message}`]);
    }
  }
  return { ...fromFile, ...env };
}

const isLoopback = (host: string) => host === "localhost" || host === "::1" || host.startsWith("127.");

/**
 * Validates the environment and builds the frozen config.
 * @throws ConfigError naming every variable that is missing or invalid.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const relevant = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, env[name] === "" ? undefined : env[name]]));
  const parsed = variables.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const value = relevant[name];
        const shown = /SECRET|PASSWORD/.test(name) ? "(hidden)" : JSON.stringify(value);
        return `${name} ${issue.message}, got ${shown}`;
      }),
    );
  }
  const v = parsed.data;
  const problems: string[] = [];

  const tenantVars = {
    TENANT_ID: v.TENANT_ID,
    CLIENT_ID: v.CLIENT_ID,
    "CLIENT_SECRET, CLIENT_CERTIFICATE_PATH or CLIENT_ASSERTION":
      v.CLIENT_SECRET ?? v.CLIENT_CERTIFICATE_PATH ?? v.CLIENT_ASSERTION,
  };
  const setTenantVars = Object.entries(tenantVars).filter(([, value]) => value !== undefined);
  let tenant: Config["tenant"] = null;
  if (setTenantVars.length > 0 && setTenantVars.length < 3) {
    const missing = Object.entries(tenantVars)
      .filter(([, value]) => value === undefined)
      .map(([name]) => name);
    problems.push(
      `${missing.join(" and ")} must be set to use a Microsoft tenant (leave all tenant variables unset for the dev tenant)`,
    );
  } else if (v.TENANT_ID && v.CLIENT_ID) {
    tenant = {
      tenantId: v.TENANT_ID,
      clientId: v.CLIENT_ID,
      credential: v.CLIENT_SECRET
        ? { kind: "secret", secret: v.CLIENT_SECRET }
        : v.CLIENT_CERTIFICATE_PATH
          ? { kind: "certificate", path: v.CLIENT_CERTIFICATE_PATH }
          : { kind: "managed-identity", clientId: v.AZURE_CLIENT_ID ?? null },
    };
  }

  const botAppId = v.BOT_ID ?? tenant?.clientId ?? null;
  const botPassword = v.BOT_PASSWORD ?? (tenant?.credential.kind === "secret" ? tenant.credential.secret : null);
  if (botAppId && v.BOT_TYPE === "SingleTenant" && !botPassword) {
    problems.push("BOT_PASSWORD must be set when BOT_ID is set and BOT_TYPE is SingleTenant");
  }
  if (v.BOT_ID && v.BOT_TYPE === "SingleTenant" && !tenant && setTenantVars.length === 0) {
    problems.push(
      "TENANT_ID, CLIENT_ID and CLIENT_SECRET, CLIENT_CERTIFICATE_PATH or CLIENT_ASSERTION must be set when BOT_ID is set: a single-tenant bot belongs to one tenant",
    );
  }

  const botAuthOn = botAppId !== null;
  const host = v.HOST ?? (botAuthOn ? "0.0.0.0" : "127.0.0.1");
  if (!botAuthOn && !isLoopback(host)) {
    problems.push(`HOST must be a loopback address while bot authentication is off (dev tenant), got "${host}"`);
  }

  if (v.DATABASE_AUTH === "managed-identity" && !v.DATABASE_URL) {
    problems.push("DATABASE_AUTH=managed-identity needs DATABASE_URL: the embedded store has no sign-in");
  }
  if (v.DEVICE_LOST_DAYS <= v.DEVICE_STALE_DAYS) {
    problems.push(
      `DEVICE_LOST_DAYS (${v.DEVICE_LOST_DAYS}) must be more than DEVICE_STALE_DAYS (${v.DEVICE_STALE_DAYS}): a device is stale before it is lost`,
    );
  }
  if (v.REFRESH_DUE_MONTHS >= v.REFRESH_AGE_YEARS * 12) {
    problems.push(
      `REFRESH_DUE_MONTHS (${v.REFRESH_DUE_MONTHS}) must be less than REFRESH_AGE_YEARS (${v.REFRESH_AGE_YEARS}) in months`,
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = v.PUBLIC_URL ?? `http://localhost:${v.PORT}`;
  const config: Config = {
    mode: tenant ? "tenant" : "dev-tenant",
    server: { port: v.PORT, host, publicUrl, shutdownGraceMs: v.SHUTDOWN_GRACE_MS },
    store: v.DATABASE_URL
      ? {
          engine: "postgres",
          url: v.DATABASE_URL,
          poolMax: v.DATABASE_POOL_MAX,
          ...(v.DATABASE_AUTH === "managed-identity"
            ? { managedIdentity: { clientId: v.AZURE_CLIENT_ID ?? null } }
            : {}),
        }
      : { engine: "pglite", dataDir: v.DATA_DIR },
    tenant,
    bot: {
      appId: botAppId,
      appPassword: botPassword,
      appType: v.BOT_TYPE,
      tenantId: tenant?.tenantId ?? null,
    },
    teamsApp: {
      id: v.TEAMS_APP_ID,
      councilName: v.COUNCIL_NAME,
      websiteUrl: v.COUNCIL_WEBSITE_URL ?? publicUrl,
      privacyUrl: v.PRIVACY_URL ?? `${publicUrl}/privacy.html`,
      termsUrl: v.TERMS_URL ?? `${publicUrl}/terms.html`,
    },
    logLevel: v.LOG_LEVEL,
    workersEnabled: isOn(v.WORKERS_ENABLED),
    devTenant: tenant
      ? null
      : { port: v.DEV_TENANT_PORT, staff: v.DEV_TENANT_STAFF, devices: v.DEV_TENANT_DEVICES, seed: v.DEV_TENANT_SEED },
    serviceDeskChannelId: v.SERVICE_DESK_CHANNEL_ID ?? null,
    outbox: { leaseMs: v.OUTBOX_LEASE_SECONDS * 1000 },
    jobs: {
      leaseMs: v.JOB_LEASE_SECONDS * 1000,
      testIntervalMs: v.TEST_JOB_INTERVAL_SECONDS === undefined ? null : v.TEST_JOB_INTERVAL_SECONDS * 1000,
    },
    ictApprovers: Object.freeze(v.ICT_APPROVERS ?? []),
    ictStaff: Object.freeze(v.ICT_STAFF ?? []),
    sync: { scheduled: isOn(v.GRAPH_SYNC_SCHEDULED), usageRetentionDays: v.USAGE_RETENTION_DAYS },
    refresh: {
      ageYears: v.REFRESH_AGE_YEARS,
      dueMonths: v.REFRESH_DUE_MONTHS,
      staleDays: v.DEVICE_STALE_DAYS,
      lostDays: v.DEVICE_LOST_DAYS,
      requireWindows11: isOn(v.REFRESH_REQUIRE_WINDOWS_11),
      noncompliantIsDue: isOn(v.REFRESH_NONCOMPLIANT_DUE),
    },
    migration: { verifyTolerancePercent: v.MIGRATION_VERIFY_TOLERANCE_PERCENT },
    adoption: { minGroupSize: v.ADOPTION_MIN_GROUP_SIZE, tipGapDays: v.ADOPTION_TIP_GAP_DAYS },
  };
  return deepFreeze(config);
}

const isOn = (value: string) => value === "true" || value === "1";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
