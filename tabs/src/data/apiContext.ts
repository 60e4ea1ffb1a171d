import { createContext, useContext } from "react";
import type { ApiClient } from "../api/apiClient";
import type { Me } from "../api/types";

/** The signed-in person and the client for their calls, given to every scene. */
export type SignedIn = { api: ApiClient; me: Me };

export const SignedInContext = createContext<SignedIn | null>(null);

export function useSignedIn(): SignedIn {
  const value = useContext(SignedInContext);
  if (!value) throw new Error("useSignedIn outside a signed-in scene");
  return value;
}
