/**
 * Where and as whom the app reaches Microsoft Graph: Microsoft's cloud in
 * tenant mode, the local dev tenant otherwise. The same code serves both.
 */
export type GraphConnection = {
  /** e.g. https://login.microsoftonline.com/{tenantId} or https://localhost:PORT/{tenantId} */
  authority: string;
  tenantId: string;
  clientId: string;
  credential:
    | { kind: "secret"; secret: string }
    /** A signed assertion fetched when MSAL needs one (a managed identity's token, for a federated credential). */
    | { kind: "assertion"; assertion: () => Promise<string> }
    | { kind: "certificate"; privateKeyPem: string; thumbprintSha256: string };
  /** e.g. https://graph.microsoft.com, no trailing slash, no version. */
  graphBaseUrl: string;
  /** Authorities MSAL may use without Microsoft's instance discovery (the dev tenant's host:port). */
  knownAuthorities?: string[];
  /** A CA certificate to trust for these hosts only (the dev tenant's, generated at start). */
  caPem?: string;
};

/** Microsoft's public cloud. */
export const microsoftCloud = {
  login: "https://login.microsoftonline.com",
  graph: "https://graph.microsoft.com",
} as const;
