/**
 * True when a token's `aud` names the app: its client id, or any
 * `api://…/{clientId}` Application ID URI, as Teams SSO tokens may carry.
 */
export function isAppAudience(clientId: string, aud: string): boolean {
  return aud === clientId || (aud.startsWith("api://") && aud.endsWith(`/${clientId}`));
}
