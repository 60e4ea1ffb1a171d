import { parseArgs } from "node:util";
import { DEFAULT_TODAY, generateCouncil } from "../council";
import { writeMigrationReports } from "./migrationReports";

/**
 * `npm run migration:reports -- --out FOLDER [--staff N] [--devices N] [--seed N] [--items-per-task N]`:
 * writes the generated council's plan and SPMT / Migration Manager reports,
 * for `npm run migration:import -- FOLDER`. Use the same --staff, --devices
 * and --seed as the dev tenant (DEV_TENANT_*) so the shares match its sites.
 */
const { values } = parseArgs({
  options: {
    out: { type: "string", default: "migration-reports" },
    staff: { type: "string", default: process.env.DEV_TENANT_STAFF ?? "5000" },
    devices: { type: "string", default: process.env.DEV_TENANT_DEVICES ?? "6000" },
    seed: { type: "string", default: process.env.DEV_TENANT_SEED ?? "1" },
    "items-per-task": { type: "string", default: "40" },
  },
});
const council = generateCouncil({
  seed: Number(values.seed),
  staff: Number(values.staff),
  devices: Number(values.devices),
  today: DEFAULT_TODAY,
});
const written = writeMigrationReports(council, values.out, { itemsPerTask: Number(values["items-per-task"]) });
process.stdout.write(
  `Wrote ${written.files.length} files for ${written.shares.length} sources in ${written.waves.length} waves to ${values.out}\n`,
);
