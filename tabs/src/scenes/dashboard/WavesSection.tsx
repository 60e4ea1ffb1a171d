import { Body1 } from "@fluentui/react-components";
import { t } from "../../../../core/messages/catalogue";
import type { Wave } from "../../api/types";
import { ResourceView } from "../../components/ResourceView";
import { Section } from "../../components/Section";
import { useResource } from "../../data/useResource";
import { formatDay, formatNumber } from "../../format";
import { BurndownChart } from "./BurndownChart";

/** Refresh waves: progress against target and a burndown for each. */
export function WavesSection({ syncedAt }: { syncedAt: string | null }) {
  const waves = useResource("ict-waves", (api) => api.get<{ waves: Wave[] }>("/ict/waves"));
  return (
    <Section heading={t("tabs.waves.heading")}>
      <ResourceView resource={waves}>
        {(data) =>
          data.waves.length === 0 ? (
            <Body1>{t("tabs.waves.none")}</Body1>
          ) : (
            data.waves.map((wave) => (
              <div key={wave.id}>
                <Body1 as="p">
                  {t("tabs.waves.progress", {
                    name: wave.name,
                    from: formatDay(wave.startsOn),
                    to: formatDay(wave.endsOn),
                    done: formatNumber(wave.done),
                    target: formatNumber(wave.targetDevices),
                    replaced: formatNumber(wave.replaced),
                    upgraded: formatNumber(wave.upgraded),
                  })}
                </Body1>
                <BurndownChart wave={wave} syncedAt={syncedAt} />
              </div>
            ))
          )
        }
      </ResourceView>
    </Section>
  );
}
