/** What `GET /api/tab/auth-config` answers: where a plain browser signs in. */
export type AuthConfig = {
  /** The tenant's authority, e.g. https://localhost:8443/{tenantId}. */
  authority: string;
  clientId: string;
  /** The app's API scope, e.g. api://localhost/{clientId}/access_as_user. */
  scope: string;
  /** True when the dev tenant is running: a plain browser may sign in through it. */
  devSignIn: boolean;
};

export async function fetchAuthConfig(): Promise<AuthConfig> {
  const response = await fetch("/api/tab/auth-config");
  if (!response.ok) throw new Error(`auth-config answered ${response.status}`);
  return (await response.json()) as AuthConfig;
}
