import { useState } from "react";
import type { PulseSummary } from "../../../api/pulseTypes";
import { NewPulse } from "./NewPulse";
import { PulseDetailView } from "./PulseDetailView";
import { PulseList } from "./PulseList";

type Place = { at: "list"; back?: boolean; created?: PulseSummary } | { at: "new" } | { at: "pulse"; id: number };

/**
 * Satisfaction pulses: the list, a form to make one with a live preview of the
 * card, and one pulse's results and delivery. Loaded only when the area is opened,
 * because the preview brings the Adaptive Cards renderer.
 */
export default function PulsesSection() {
  const [place, setPlace] = useState<Place>({ at: "list" });
  const toList = () => setPlace({ at: "list", back: true });
  if (place.at === "new")
    return <NewPulse onCreated={(pulse) => setPlace({ at: "list", back: true, created: pulse })} onBack={toList} />;
  if (place.at === "pulse") return <PulseDetailView id={place.id} onBack={toList} />;
  return (
    <PulseList
      created={place.created ?? null}
      focusFirst={place.back === true}
      onNew={() => setPlace({ at: "new" })}
      onOpen={(id) => setPlace({ at: "pulse", id })}
    />
  );
}
