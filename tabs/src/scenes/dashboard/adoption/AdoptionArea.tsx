import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { AdoptionOverview, PeriodKind } from "../../../../../core/adoption/adoptionApi";
import { t } from "../../../../../core/messages/catalogue";
import { ErrorBar } from "../../../components/ErrorBar";
import { ResourceView } from "../../../components/ResourceView";
import { Section } from "../../../components/Section";
import { useSignedIn } from "../../../data/apiContext";
import { useResource } from "../../../data/useResource";
import { downloadCsv } from "../csvDownload";
import { CouncilSummary } from "./CouncilSummary";
import { DirectorateDetail } from "./DirectorateDetail";
import { DirectoratesTable } from "./DirectoratesTable";
import { PeriodPicker } from "./PeriodPicker";
import { ScoresChart } from "./ScoresChart";
import { TargetsSection } from "./TargetsSection";
import { TipsSection } from "./TipsSection";
import { TrendSection } from "./TrendSection";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

/**
 * Teams and Microsoft 365 adoption by directorate and service: a period's
 * figures with the small-group rules applied, trends, targets, champions and
 * tips. Loaded only when ICT opens the area.
 */
export default function AdoptionArea() {
  const styles = useStyles();
  const { api } = useSignedIn();
  const [period, setPeriod] = useState<PeriodKind>("month");
  const [start, setStart] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const query = new URLSearchParams({ period, ...(start ? { start } : {}) }).toString();
  const overview = useResource(`adoption-${query}`, (a) => a.get<AdoptionOverview>(`/ict/adoption?${query}`));

  const choosePeriod = (kind: PeriodKind, first: string | null) => {
    setPeriod(kind);
    setStart(first);
  };
  const exportOverview = (data: AdoptionOverview) => {
    setExportError(null);
    downloadCsv(
      api,
      `/ict/adoption.csv?${new URLSearchParams({ period: data.period, start: data.start })}`,
      `adoption-${data.period}-${data.start}.csv`,
    ).catch(setExportError);
  };

  return (
    <div className={styles.column}>
      <ResourceView resource={overview}>
        {(data) => {
          const detail = data.directorates.find((d) => d.directorate === opened);
          const names = data.directorates.map((d) => d.directorate);
          return (
            <>
              <Section heading={t("tabs.adoption.heading")}>
                <Body1 as="p">{t("tabs.adoption.intro", { threshold: data.threshold })}</Body1>
                <PeriodPicker overview={data} onChoose={choosePeriod} />
                {data.concealment.concealed && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>{t("tabs.adoption.concealed.title")}</MessageBarTitle>
                      {data.concealment.advice}
                    </MessageBarBody>
                  </MessageBar>
                )}
                {data.council === null ? (
                  <Body1 as="p">{t("tabs.adoption.empty")}</Body1>
                ) : (
                  <CouncilSummary overview={data} council={data.council} />
                )}
                <div className={styles.actions}>
                  <Button onClick={() => exportOverview(data)} disabled={data.council === null}>
                    {t("tabs.adoption.exportOverview")}
                  </Button>
                </div>
                {exportError !== null && <ErrorBar error={exportError} />}
              </Section>
              {data.directorates.length > 0 && (
                <Section heading={t("tabs.adoption.directorates.heading")}>
                  <ScoresChart overview={data} />
                  <DirectoratesTable overview={data} opened={opened} onOpen={setOpened} />
                  {detail && <DirectorateDetail row={detail} overview={data} onChanged={overview.reload} />}
                </Section>
              )}
              <TrendSection period={data.period} directorates={names} computedAt={data.computedAt} />
              <TargetsSection directorates={names} />
              <TipsSection directorates={names} threshold={data.threshold} />
            </>
          );
        }}
      </ResourceView>
    </div>
  );
}
