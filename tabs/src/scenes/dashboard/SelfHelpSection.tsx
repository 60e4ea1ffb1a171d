import { VerticalBarChart } from "@fluentui/react-charts";
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../../../core/messages/catalogue";
import type { SelfHelpStats } from "../../api/types";
import { LastSynced } from "../../components/LastSynced";
import { ResourceView } from "../../components/ResourceView";
import { Section } from "../../components/Section";
import { type Column, SimpleTable } from "../../components/SimpleTable";
import { useResource } from "../../data/useResource";
import { formatDateTime, formatDay, formatNumber, formatPercent } from "../../format";
import { ChartWithTable } from "./ChartWithTable";

type Week = SelfHelpStats["deflectionByWeek"][number];
type Topic = SelfHelpStats["topTopics"][number];
type Unanswered = SelfHelpStats["unanswered"][number];

const weekColumns: Column<Week>[] = [
  { key: "week", header: t("tabs.selfhelp.week"), cell: (w) => formatDay(w.week) },
  { key: "questions", header: t("tabs.selfhelp.questions"), cell: (w) => formatNumber(w.questions) },
  { key: "deflected", header: t("tabs.selfhelp.deflected"), cell: (w) => formatNumber(w.deflected) },
  { key: "rate", header: t("tabs.selfhelp.rate"), cell: (w) => formatPercent(w.deflectionRate) },
];
const topicColumns: Column<Topic>[] = [
  { key: "topic", header: t("tabs.selfhelp.topic"), cell: (r) => r.title ?? r.articleId },
  { key: "questions", header: t("tabs.selfhelp.questions"), cell: (r) => formatNumber(r.questions) },
];
const unansweredColumns: Column<Unanswered>[] = [
  { key: "asked", header: t("tabs.selfhelp.asked"), cell: (q) => formatDateTime(q.askedAt) },
  { key: "question", header: t("tabs.selfhelp.question"), cell: (q) => q.question },
];

const useStyles = makeStyles({
  figures: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
  },
  detail: { margin: 0 },
});

const hours = (seconds: number | null) =>
  seconds === null ? "—" : t("tabs.selfhelp.hours", { hours: (seconds / 3600).toFixed(1) });

/** Self-help and the service desk: questions, deflection, top topics, gaps, tickets and satisfaction. */
export function SelfHelpSection() {
  const styles = useStyles();
  const stats = useResource("ict-selfhelp", (api) => api.get<SelfHelpStats>("/ict/selfhelp"));
  return (
    <ResourceView resource={stats}>
      {(data) => (
        <>
          <Section heading={t("tabs.selfhelp.questionsHeading")}>
            <ChartWithTable
              title={t("tabs.selfhelp.perWeek")}
              syncedAt={data.syncedAt}
              chart={
                <VerticalBarChart
                  chartTitle={t("tabs.selfhelp.perWeek")}
                  height={260}
                  data={data.deflectionByWeek.map((w) => ({
                    x: formatDay(w.week),
                    y: w.questions,
                    legend: t("tabs.selfhelp.questions"),
                    color: tokens.colorBrandBackground,
                    yAxisCalloutData: t("tabs.selfhelp.weekCallout", {
                      questions: formatNumber(w.questions),
                      rate: formatPercent(w.deflectionRate),
                    }),
                  }))}
                />
              }
              table={
                <SimpleTable
                  label={t("tabs.selfhelp.perWeek")}
                  columns={weekColumns}
                  rows={data.deflectionByWeek}
                  rowKey={(w) => w.week}
                />
              }
            />
          </Section>
          <Section heading={t("tabs.selfhelp.topTopics")}>
            <LastSynced at={data.syncedAt} />
            <SimpleTable
              label={t("tabs.selfhelp.topTopics")}
              columns={topicColumns}
              rows={data.topTopics}
              rowKey={(r) => r.articleId}
            />
          </Section>
          <Section heading={t("tabs.selfhelp.unanswered")}>
            <LastSynced at={data.syncedAt} />
            {data.unanswered.length === 0 ? (
              <Body1>{t("tabs.selfhelp.noUnanswered")}</Body1>
            ) : (
              <SimpleTable
                label={t("tabs.selfhelp.unanswered")}
                columns={unansweredColumns}
                rows={data.unanswered}
                rowKey={(q) => q.id}
              />
            )}
          </Section>
          <Section heading={t("tabs.selfhelp.tickets")}>
            <LastSynced at={data.syncedAt} />
            <dl className={styles.figures}>
              {(
                [
                  [t("tabs.selfhelp.raised"), formatNumber(data.tickets.raised)],
                  [t("tabs.selfhelp.open"), formatNumber(data.tickets.open)],
                  [t("tabs.selfhelp.resolved"), formatNumber(data.tickets.resolved)],
                  [t("tabs.selfhelp.timeToResolve"), hours(data.tickets.medianSecondsToResolve)],
                  [
                    t("tabs.selfhelp.satisfaction"),
                    data.tickets.meanSatisfaction === null
                      ? "—"
                      : t("tabs.selfhelp.satisfactionValue", {
                          mean: data.tickets.meanSatisfaction.toFixed(1),
                          ratings: formatNumber(data.tickets.ratings),
                        }),
                  ],
                ] as const
              ).map(([term, detail]) => (
                <div key={term} style={{ display: "contents" }}>
                  <dt>{term}</dt>
                  <dd className={styles.detail}>{detail}</dd>
                </div>
              ))}
            </dl>
          </Section>
        </>
      )}
    </ResourceView>
  );
}
