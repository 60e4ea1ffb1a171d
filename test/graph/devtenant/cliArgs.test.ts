import { describe, expect, it } from "vitest";
import { parseDevTenantArgs } from "../../../graph/devtenant/cliArgs";

describe("the dev tenant's command line", () => {
  it("reads sizes, seed and faults", () => {
    expect(
      parseDevTenantArgs([
        "--port",
        "8443",
        "--staff",
        "500",
        "--devices",
        "600",
        "--seed",
        "7",
        "--faults-429",
        "0.3",
        "--faults-5xx",
        "0.1",
        "--latency-ms",
        "50",
        "--fault-seed",
        "1",
      ]),
    ).toEqual({
      port: 8443,
      staff: 500,
      devices: 600,
      seed: 7,
      caOut: "./data/devtenant-ca.pem",
      faults: { throttleRate: 0.3, serverErrorRate: 0.1, latencyMs: 50, retryAfterSeconds: 2, seed: 1 },
      concealNames: false,
    });
  });

  it("refuses values it cannot use, saying which flag and why", () => {
    expect(() => parseDevTenantArgs(["--staff", "lots"])).toThrow(
      "--staff must be a whole number from 6 to 100000, got 'lots'",
    );
    expect(() => parseDevTenantArgs(["--faults-429", "1.5"])).toThrow("--faults-429 must be a number from 0 to 1");
    expect(() => parseDevTenantArgs(["--faults-429", "0.7", "--faults-5xx", "0.5"])).toThrow("must not exceed 1");
    expect(() => parseDevTenantArgs(["--bogus"])).toThrow("Unknown option '--bogus'");
  });
});
