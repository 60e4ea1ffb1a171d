import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { t } from "../../../../../core/messages/catalogue";

// The pulses bring the Adaptive Cards renderer for the preview: loaded only when the area is opened,
// so that the dashboard's first load does not grow.
const PulsesSection = lazy(() => import("./PulsesSection"));

/** The dashboard's pulses area, loaded on first use. */
export function PulsesArea() {
  return (
    <Suspense fallback={<Spinner size="small" label={t("tabs.loadingSection")} />}>
      <PulsesSection />
    </Suspense>
  );
}
