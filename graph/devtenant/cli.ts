import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { devTenantUsage, parseDevTenantArgs } from "./cliArgs";
import { activityFor, advanceCouncil, type Council, generateCouncil } from "./council";
import { type DevTenant, startDevTenant } from "./startDevTenant";

/**
 * `node --import tsx graph/devtenant/cli.ts --port 8443 --staff 500 --devices 600 --seed 7`:
 * runs the dev tenant on its own until SIGINT or SIGTERM, for the app or a
 * person to use as they would a Microsoft tenant.
 */
async function main() {
  let options: ReturnType<typeof parseDevTenantArgs>;
  try {
    options = parseDevTenantArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${devTenantUsage}`);
    process.exit(2);
  }
  let council: Council;
  let tenant: DevTenant;
  const caPath = resolve(options.caOut);
  try {
    council = generateCouncil({ seed: options.seed, staff: options.staff, devices: options.devices });
    council.reportSettings.displayConcealedNames = options.concealNames;
    tenant = await startDevTenant({ council, activityFor, advanceCouncil, port: options.port, faults: options.faults });
    mkdirSync(dirname(caPath), { recursive: true });
    writeFileSync(caPath, tenant.caCertPem);
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
    console.error(
      inUse
        ? `Port ${options.port} is in use: pass --port N (0 picks a free one).`
        : `Cannot start: ${(error as Error).message}`,
    );
    process.exit(1);
  }

  const signIn = new URL(`${tenant.authority}/oauth2/v2.0/authorize`);
  signIn.search = new URLSearchParams({
    client_id: tenant.clientId,
    response_type: "id_token",
    redirect_uri: "https://localhost:53000/auth-end",
    nonce: "dev",
  }).toString();
  const faults = options.faults;
  console.log(`Dev tenant for ${council.displayName}: ${council.users.size} staff, ${council.devices.size} devices, seed ${options.seed}
  Tenant id       ${tenant.tenantId}
  Client id       ${tenant.clientId}
  Client secret   ${tenant.clientSecret}
  Authority       ${tenant.authority}   (MSAL: knownAuthorities ["${new URL(tenant.url).host}"])
  Graph           ${tenant.graphBaseUrl}/v1.0 and ${tenant.graphBaseUrl}/beta
  Sign-in page    ${signIn}
  Admin           POST ${tenant.url}/_admin/faults · GET ${tenant.url}/_admin/requests · POST ${tenant.url}/_admin/advance?days=N
                  POST ${tenant.url}/_admin/report-settings {"displayConcealedNames": true|false}
  Report names    ${options.concealNames ? "concealed (32-character hashes)" : "shown"}
  CA certificate  ${caPath}   (trust it: NODE_EXTRA_CA_CERTS=${caPath})
  Faults          429 ${faults.throttleRate} · 5xx ${faults.serverErrorRate} · latency ${faults.latencyMs} ms${
    faults.seed === undefined ? "" : ` · seed ${faults.seed}`
  }
Ctrl+C stops it.`);

  const stop = async (signal: string) => {
    console.log(`${signal}: stopping the dev tenant`);
    await tenant.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

await main();
