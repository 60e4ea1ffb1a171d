import { useCallback, useEffect, useState } from "react";
import type { ApiClient } from "../api/apiClient";
import { useSignedIn } from "./apiContext";

export type Resource<T> =
  | { status: "loading"; reload(): void }
  | { status: "ready"; data: T; reload(): void }
  | { status: "failed"; error: unknown; reload(): void };

/**
 * Loads one answer from the tab API and reloads it on demand; `load` is keyed
 * by `key` so that a change of filters fetches again and a stale answer is dropped.
 */
export function useResource<T>(key: string, load: (api: ApiClient) => Promise<T>): Resource<T> {
  const { api } = useSignedIn();
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<
    { status: "loading" } | { status: "ready"; data: T } | { status: "failed"; error: unknown }
  >({ status: "loading" });
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `load`, a new closure each render.
  useEffect(() => {
    let current = true;
    load(api).then(
      (data) => current && setState({ status: "ready", data }),
      (error: unknown) => current && setState({ status: "failed", error }),
    );
    return () => {
      current = false;
    };
  }, [api, key, generation]);

  return { ...state, reload };
}
