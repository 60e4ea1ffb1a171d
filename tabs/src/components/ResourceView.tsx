import { Spinner } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { t } from "../../../core/messages/catalogue";
import type { Resource } from "../data/useResource";
import { ErrorBar } from "./ErrorBar";

/** Shows a resource's data once loaded, a spinner before and the error if it failed. */
export function ResourceView<T>({ resource, children }: { resource: Resource<T>; children: (data: T) => ReactNode }) {
  if (resource.status === "loading") return <Spinner size="small" label={t("tabs.loadingSection")} />;
  if (resource.status === "failed") return <ErrorBar error={resource.error} onRetry={resource.reload} />;
  return <>{children(resource.data)}</>;
}
