import { authentication } from "@microsoft/teams-js";
import { fetchAuthConfig } from "./authConfig";
import { redirectToSignIn, takeTokenFromFragment } from "./devSignIn";

/** Where the tab gets the bearer token for the tab API. */
export type Session = {
  token(): Promise<string>;
  /** Starts a fresh sign-in after the API said the token is no longer good. */
  signInAgain(): void;
};

/** Why a session could not be had; the scene turns these into messages. */
export type SessionProblem =
  | { kind: "open-in-teams" }
  | { kind: "redirecting" }
  | { kind: "sign-in-failed"; detail: string };

export type SessionResult = { session: Session } | { problem: SessionProblem };

let started: Promise<SessionResult> | undefined;

/**
 * Inside Teams, Teams SSO; outside, the dev tenant's sign-in when the server
 * offers it. Started once per page: the fragment holding the token can be read only once.
 */
export function startSession(inTeams: boolean): Promise<SessionResult> {
  started ??= begin(inTeams);
  return started;
}

async function begin(inTeams: boolean): Promise<SessionResult> {
  if (inTeams) {
    return {
      session: {
        token: () => authentication.getAuthToken(),
        signInAgain: () => window.location.reload(),
      },
    };
  }
  const config = await fetchAuthConfig();
  if (!config.devSignIn) return { problem: { kind: "open-in-teams" } };
  const fromFragment = takeTokenFromFragment();
  if (fromFragment && "error" in fromFragment)
    return { problem: { kind: "sign-in-failed", detail: fromFragment.error } };
  if (!fromFragment) {
    redirectToSignIn(config);
    return { problem: { kind: "redirecting" } };
  }
  const { token } = fromFragment;
  return { session: { token: async () => token, signInAgain: () => redirectToSignIn(config) } };
}
