import { parseArgs } from "node:util";
import type { FaultOptions } from "./faults";

/** What `npm run devtenant -- …` asks for, validated. */
export type DevTenantCliOptions = {
  port: number;
  staff: number;
  devices: number;
  seed: number;
  /** Where to write the CA certificate (PEM) for other processes to trust. */
  caOut: string;
  faults: FaultOptions;
  /** Start with concealed names in usage reports, as Microsoft 365 tenants have by default. */
  concealNames: boolean;
};

export const devTenantUsage = `Usage: npm run devtenant -- [options]
  --port N          HTTPS port on 127.0.0.1 (default 8443; 0 picks a free one)
  --staff N         staff in the generated council (default 500)
  --devices N       Intune-managed devices (default 600)
  --seed N          same seed, same council (default 7)
  --ca-out PATH     where to write the CA certificate (default ./data/devtenant-ca.pem)
  --conceal-names   usage reports show 32-character hashes instead of names, as
                    Microsoft 365's default does (switch later: POST /_admin/report-settings)
  --faults-429 R    share of Graph requests answered 429, 0 to 1 (default 0)
  --retry-after S   Retry-After seconds on those 429s (default 2)
  --faults-5xx R    share of Graph requests answered 503 or 504, 0 to 1 (default 0)
  --latency-ms N    delay added to every Graph request (default 0)
  --fault-seed N    makes the faults repeat from run to run`;

/** Parses and checks the command line; throws an Error whose message says what to fix. */
export function parseDevTenantArgs(argv: string[]): DevTenantCliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: "string", default: "8443" },
      staff: { type: "string", default: "500" },
      devices: { type: "string", default: "600" },
      seed: { type: "string", default: "7" },
      "ca-out": { type: "string", default: "./data/devtenant-ca.pem" },
      "faults-429": { type: "string", default: "0" },
      "retry-after": { type: "string", default: "2" },
      "faults-5xx": { type: "string", default: "0" },
      "latency-ms": { type: "string", default: "0" },
      "fault-seed": { type: "string" },
      "conceal-names": { type: "boolean", default: false },
    },
  });
  const faults: FaultOptions = {
    throttleRate: share("--faults-429", values["faults-429"]),
    retryAfterSeconds: whole("--retry-after", values["retry-after"], 0, 3_600),
    serverErrorRate: share("--faults-5xx", values["faults-5xx"]),
    latencyMs: whole("--latency-ms", values["latency-ms"], 0, 60_000),
  };
  if ((faults.throttleRate ?? 0) + (faults.serverErrorRate ?? 0) > 1) {
    throw new Error("--faults-429 and --faults-5xx together must not exceed 1");
  }
  if (values["fault-seed"] !== undefined) faults.seed = whole("--fault-seed", values["fault-seed"], 0, 2 ** 32 - 1);
  return {
    port: whole("--port", values.port, 0, 65_535),
    staff: whole("--staff", values.staff, 6, 100_000),
    devices: whole("--devices", values.devices, 0, 200_000),
    seed: whole("--seed", values.seed, 0, 2 ** 32 - 1),
    caOut: values["ca-out"],
    faults,
    concealNames: values["conceal-names"],
  };
}

function whole(flag: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${flag} must be a whole number from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

function share(flag: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === "" || !(value >= 0 && value <= 1))
    throw new Error(`${flag} must be a number from 0 to 1, got '${raw}'`);
  return value;
}
