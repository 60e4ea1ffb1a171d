import { createHash } from "node:crypto";

/**
 * What a report shows in place of a name when concealed names are on: 32
 * upper-case hex characters, stable per tenant and value, as Microsoft's are.
 * (Microsoft's hash is undocumented; this one only has the same shape.)
 */
export function concealed(tenantId: string, value: string): string {
  return createHash("sha256").update(`${tenantId}:${value.toLowerCase()}`).digest("hex").slice(0, 32).toUpperCase();
}
