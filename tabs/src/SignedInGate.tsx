import { MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import { type ReactNode, useEffect, useState } from "react";
import { t } from "../../core/messages/catalogue";
import { type ApiClient, createApiClient } from "./api/apiClient";
import { errorMessage } from "./api/errorMessage";
import type { Me } from "./api/types";
import { type SessionProblem, startSession } from "./auth/session";
import { SignedInContext } from "./data/apiContext";

type Gate =
  | { status: "signing-in" }
  | { status: "problem"; problem: SessionProblem }
  | { status: "failed"; error: unknown }
  | { status: "ready"; api: ApiClient; me: Me };

const problemMessage = (problem: SessionProblem) =>
  problem.kind === "open-in-teams"
    ? t("tabs.auth.openInTeams")
    : problem.kind === "redirecting"
      ? t("tabs.auth.redirecting")
      : t("tabs.auth.failed", { detail: problem.detail });

/** Signs the person in (Teams SSO, or the dev tenant in a browser), learns who they are, then shows the view. */
export function SignedInGate({ inTeams, children }: { inTeams: boolean; children: ReactNode }) {
  const [gate, setGate] = useState<Gate>({ status: "signing-in" });

  useEffect(() => {
    let current = true;
    const settle = (next: Gate) => current && setGate(next);
    startSession(inTeams)
      .then(async (result) => {
        if ("problem" in result) return settle({ status: "problem", problem: result.problem });
        const api = createApiClient(result.session);
        settle({ status: "ready", api, me: await api.get<Me>("/me") });
      })
      .catch((error: unknown) => settle({ status: "failed", error }));
    return () => {
      current = false;
    };
  }, [inTeams]);

  switch (gate.status) {
    case "signing-in":
      return (
        <main>
          <Spinner label={t("tabs.auth.signingIn")} style={{ padding: tokens.spacingVerticalXXL }} />
        </main>
      );
    case "problem":
      return (
        <main>
          <MessageBar intent={gate.problem.kind === "sign-in-failed" ? "error" : "info"}>
            <MessageBarBody>{problemMessage(gate.problem)}</MessageBarBody>
          </MessageBar>
        </main>
      );
    case "failed":
      return (
        <main>
          <MessageBar intent="error">
            <MessageBarBody>{errorMessage(gate.error)}</MessageBarBody>
          </MessageBar>
        </main>
      );
    case "ready":
      return <SignedInContext.Provider value={{ api: gate.api, me: gate.me }}>{children}</SignedInContext.Provider>;
  }
}
