import { useEffect, useState } from "react";
import { ApiError } from "../../../api/apiClient";
import type { PulseDraft, PulsePreview } from "../../../api/pulseTypes";
import { useSignedIn } from "../../../data/apiContext";
import { type FieldErrors, fieldErrors } from "./pulseForm";

export type PreviewState =
  | { status: "loading"; last: PulsePreview | null }
  | { status: "ready"; preview: PulsePreview }
  | { status: "invalid"; errors: FieldErrors }
  | { status: "failed"; error: unknown };

/** How long typing must pause before the preview is asked for again. */
const settleMs = 400;

/**
 * The card as the server would send it, and how many people it would reach,
 * for the draft as it stands; asked again once typing pauses, and an answer
 * for an older draft is dropped.
 */
export function usePulsePreview(draft: PulseDraft): PreviewState {
  const { api } = useSignedIn();
  const key = JSON.stringify(draft);
  const [state, setState] = useState<PreviewState>({ status: "loading", last: null });
  useEffect(() => {
    let current = true;
    setState((previous) => ({
      status: "loading",
      last: previous.status === "ready" ? previous.preview : previous.status === "loading" ? previous.last : null,
    }));
    const timer = setTimeout(() => {
      api.post<PulsePreview>("/ict/pulses/preview", JSON.parse(key)).then(
        (preview) => current && setState({ status: "ready", preview }),
        (error: unknown) =>
          current &&
          setState(
            error instanceof ApiError && error.status === 400
              ? { status: "invalid", errors: fieldErrors(error.message) }
              : { status: "failed", error },
          ),
      );
    }, settleMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key]);
  return state;
}
