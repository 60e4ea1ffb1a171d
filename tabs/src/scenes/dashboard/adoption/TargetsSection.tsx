import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import type { AdoptionMeasure, BehindRow, TargetProgress } from "../../../../../core/adoption/adoptionApi";
import { t } from "../../../../../core/messages/catalogue";
import { ApiError } from "../../../api/apiClient";
import { ErrorBar } from "../../../components/ErrorBar";
import { ResourceView } from "../../../components/ResourceView";
import { Section } from "../../../components/Section";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { useSignedIn } from "../../../data/apiContext";
import { useResource } from "../../../data/useResource";
import { splitProblems } from "../pulses/pulseForm";
import { formatCalendarDay, formatShare, measureName, measureOptions, statusName } from "./adoptionFormat";

type Form = { directorate: string; measure: AdoptionMeasure; targetPercent: string; due: string };
type FieldName = keyof Form;
type Errors = { fields: Partial<Record<FieldName, string>>; general: string[] };

const noErrors: Errors = { fields: {}, general: [] };

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "40rem" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "start" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: "1.4em" },
});

const points = (value: number | null) => (value === null ? "—" : t("tabs.adoption.targets.points", { points: value }));

/**
 * Targets per directorate (e.g. 90% active in Teams by a date): progress
 * against each, the ones furthest behind, and setting, changing or removing one.
 */
export function TargetsSection({ directorates }: { directorates: string[] }) {
  const styles = useStyles();
  const { api } = useSignedIn();
  const targets = useResource("adoption-targets", (a) => a.get<{ targets: TargetProgress[] }>("/ict/adoption/targets"));
  const behind = useResource("adoption-behind", (a) => a.get<{ behind: BehindRow[] }>("/ict/adoption/behind"));
  const blank: Form = { directorate: directorates[0] ?? "", measure: "teamsActive", targetPercent: "", due: "" };
  const [form, setForm] = useState<Form>(blank);
  const [errors, setErrors] = useState<Errors>(noErrors);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const changed = (message: string) => {
    setSaved(message);
    targets.reload();
    behind.reload();
  };
  const run = async (work: () => Promise<void>) => {
    setErrors(noErrors);
    setFailure(null);
    setSaved(null);
    setBusy(true);
    try {
      await work();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const found: Errors = { fields: {}, general: [] };
        for (const problem of splitProblems(error.message)) {
          if (problem.path && problem.path in blank) found.fields[problem.path as FieldName] ??= problem.message;
          else found.general.push(problem.message);
        }
        setErrors(found);
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      const typed = form.targetPercent.trim() === "" ? null : Number(form.targetPercent);
      await api.put("/ict/adoption/targets", {
        directorate: form.directorate,
        measure: form.measure,
        targetPercent: typed,
        due: form.due,
      });
      changed(t("tabs.adoption.targets.saved", { directorate: form.directorate, measure: measureName(form.measure) }));
      setForm(blank);
    });
  };
  const edit = (target: TargetProgress) =>
    setForm({
      directorate: target.directorate,
      measure: target.measure,
      targetPercent: String(target.targetPercent),
      due: target.due,
    });
  const remove = (target: TargetProgress) =>
    run(async () => {
      await api.remove(`/ict/adoption/targets/${target.id}`);
      changed(
        t("tabs.adoption.targets.removed", { directorate: target.directorate, measure: measureName(target.measure) }),
      );
    });

  const name = (target: TargetProgress) =>
    t("tabs.adoption.targets.name", { directorate: target.directorate, measure: measureName(target.measure) });
  const columns: Column<TargetProgress>[] = [
    { key: "directorate", header: t("tabs.adoption.column.directorate"), cell: (p) => p.directorate },
    { key: "measure", header: t("tabs.adoption.targets.measure"), cell: (p) => measureName(p.measure) },
    { key: "target", header: t("tabs.adoption.targets.target"), cell: (p) => formatShare(p.targetPercent) },
    { key: "due", header: t("tabs.adoption.targets.due"), cell: (p) => formatCalendarDay(p.due) },
    { key: "current", header: t("tabs.adoption.targets.current"), cell: (p) => formatShare(p.current) },
    { key: "gap", header: t("tabs.adoption.targets.gap"), cell: (p) => points(p.gap) },
    { key: "projected", header: t("tabs.adoption.targets.projected"), cell: (p) => formatShare(p.projected) },
    { key: "status", header: t("tabs.adoption.targets.status"), cell: (p) => statusName(p.status) },
    { key: "setBy", header: t("tabs.adoption.targets.setBy"), cell: (p) => p.setBy },
    {
      key: "actions",
      header: t("tabs.adoption.targets.actions"),
      cell: (p) => (
        <div className={styles.actions}>
          <Button
            size="small"
            aria-label={t("tabs.adoption.targets.edit", { target: name(p) })}
            onClick={() => edit(p)}
          >
            {t("tabs.adoption.targets.editShort")}
          </Button>
          <Button
            size="small"
            disabled={busy}
            aria-label={t("tabs.adoption.targets.remove", { target: name(p) })}
            onClick={() => remove(p)}
          >
            {t("tabs.adoption.targets.removeShort")}
          </Button>
        </div>
      ),
    },
  ];
  const shows = (field: FieldName) =>
    errors.fields[field]
      ? { validationState: "error" as const, validationMessage: errors.fields[field] }
      : { validationState: "none" as const };

  return (
    <Section heading={t("tabs.adoption.targets.heading")}>
      <Body1 as="p">{t("tabs.adoption.targets.intro")}</Body1>
      <ResourceView resource={targets}>
        {(data) =>
          data.targets.length === 0 ? (
            <Body1>{t("tabs.adoption.targets.none")}</Body1>
          ) : (
            <SimpleTable
              label={t("tabs.adoption.targets.table")}
              columns={columns}
              rows={data.targets}
              rowKey={(p) => p.id}
            />
          )
        }
      </ResourceView>
      <Subtitle2 as="h3">{t("tabs.adoption.behind.heading")}</Subtitle2>
      <ResourceView resource={behind}>
        {(data) => {
          const late = data.behind.filter((p) => p.status === "behind");
          return late.length === 0 ? (
            <Body1>{t("tabs.adoption.behind.none")}</Body1>
          ) : (
            <ol className={styles.list} aria-label={t("tabs.adoption.behind.heading")}>
              {late.map((p) => (
                <li key={p.id}>
                  <Body1>
                    {t("tabs.adoption.behind.line", {
                      target: name(p),
                      current: formatShare(p.current),
                      goal: formatShare(p.targetPercent),
                      due: formatCalendarDay(p.due),
                      gap: points(p.gap),
                    })}
                  </Body1>
                </li>
              ))}
            </ol>
          );
        }}
      </ResourceView>
      <form className={styles.form} onSubmit={save} noValidate aria-label={t("tabs.adoption.targets.formLabel")}>
        <Subtitle2 as="h3">{t("tabs.adoption.targets.formLabel")}</Subtitle2>
        <Body1>{t("tabs.adoption.targets.formHint")}</Body1>
        <div className={styles.row}>
          <Field label={t("tabs.adoption.column.directorate")} {...shows("directorate")}>
            <Select value={form.directorate} onChange={(_e, d) => setForm({ ...form, directorate: d.value })}>
              {directorates.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("tabs.adoption.targets.measure")} {...shows("measure")}>
            <Select
              value={form.measure}
              onChange={(_e, d) => setForm({ ...form, measure: d.value as AdoptionMeasure })}
            >
              {measureOptions.map((o) => (
                <option key={o.measure} value={o.measure}>
                  {o.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.row}>
          <Field label={t("tabs.adoption.targets.percentLabel")} {...shows("targetPercent")}>
            <Input
              type="number"
              min={1}
              max={100}
              step={0.1}
              value={form.targetPercent}
              onChange={(_e, d) => setForm({ ...form, targetPercent: d.value })}
            />
          </Field>
          <Field label={t("tabs.adoption.targets.dueLabel")} {...shows("due")}>
            <Input type="date" value={form.due} onChange={(_e, d) => setForm({ ...form, due: d.value })} />
          </Field>
        </div>
        <div aria-live="polite">
          {saved && (
            <MessageBar intent="success">
              <MessageBarBody>{saved}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {errors.general.length > 0 && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{errors.general.join(" ")}</MessageBarBody>
          </MessageBar>
        )}
        {failure !== null && <ErrorBar error={failure} />}
        <div>
          <Button appearance="primary" type="submit" disabled={busy || directorates.length === 0}>
            {t("tabs.adoption.targets.save")}
          </Button>
        </div>
      </form>
    </Section>
  );
}
