import { activityFor, advanceCouncil, generateCouncil } from "../graph/devtenant/council";
import { startDevTenant } from "../graph/devtenant/startDevTenant";

/**
 * The dev tenant in a process of its own for the benchmark, so that the sync's
 * time and memory are measured apart from the server answering it, as with Graph.
 */
const [staff, devices] = process.argv.slice(2).map(Number);
const tenant = await startDevTenant({
  council: generateCouncil({ seed: 1, staff: staff ?? 20_000, devices: devices ?? 50_000 }),
  activityFor,
  advanceCouncil,
  port: 0,
});
process.send?.({
  url: tenant.url,
  authority: tenant.authority,
  graphBaseUrl: tenant.graphBaseUrl,
  caCertPem: tenant.caCertPem,
  tenantId: tenant.tenantId,
  clientId: tenant.clientId,
  clientSecret: tenant.clientSecret,
  today: tenant.council.today,
});
process.on("disconnect", () => {
  void tenant.stop().then(() => process.exit(0));
});
