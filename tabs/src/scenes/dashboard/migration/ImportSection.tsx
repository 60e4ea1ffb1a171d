import { Body1, Button, Label, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import { t } from "../../../../../core/messages/catalogue";
import type { ImportOutcome } from "../../../api/migrationTypes";
import { ErrorBar } from "../../../components/ErrorBar";
import { Section } from "../../../components/Section";
import { type Column, SimpleTable } from "../../../components/SimpleTable";
import { useSignedIn } from "../../../data/apiContext";
import { formatNumber } from "../../../format";
import { uploadReport } from "./migrationUpload";

const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "end" },
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, maxWidth: "100%" },
  input: { maxWidth: "100%" },
  message: { overflowWrap: "anywhere" },
});

const resultName = (o: ImportOutcome) => t(`tabs.migration.result.${o.result}`);

/**
 * Uploads the tools' report files (CSV, or a Migration Manager task zip) one
 * by one, and says what became of each: imported, unchanged (seen before), or
 * refused with the file, line and column of the problem.
 */
export function ImportSection({ onImported }: { onImported: () => void }) {
  const styles = useStyles();
  const { api } = useSignedIn();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const styleMessage = styles.message;

  const columns: Column<ImportOutcome>[] = [
    { key: "file", header: t("tabs.migration.column.file"), cell: (o) => o.fileName },
    { key: "result", header: t("tabs.migration.column.result"), cell: resultName },
    {
      key: "detail",
      header: t("tabs.migration.column.detail"),
      cell: (o) =>
        o.result === "refused" ? (
          <span className={styleMessage}>{o.message}</span>
        ) : (
          t("tabs.migration.importedRows", { kind: o.kind, rows: formatNumber(o.rows) })
        ),
    },
  ];

  const upload = async () => {
    const files = [...(input.current?.files ?? [])];
    if (files.length === 0) {
      setError(null);
      setOutcomes([]);
      return;
    }
    setBusy(true);
    setError(null);
    setOutcomes(null);
    const all: ImportOutcome[] = [];
    try {
      for (const file of files) all.push(...(await uploadReport(api, file)).outcomes);
      setOutcomes(all);
      if (all.some((o) => o.result === "imported")) onImported();
    } catch (failure) {
      setOutcomes(all);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section heading={t("tabs.migration.import")}>
      <Body1 as="p">{t("tabs.migration.importIntro")}</Body1>
      <div className={styles.form}>
        <div className={styles.field}>
          <Label htmlFor={inputId}>{t("tabs.migration.importFiles")}</Label>
          <input id={inputId} ref={input} className={styles.input} type="file" multiple accept=".csv,.zip" />
        </div>
        <Button appearance="primary" disabled={busy} onClick={() => void upload()}>
          {busy ? t("tabs.migration.importing") : t("tabs.migration.importButton")}
        </Button>
      </div>
      {error !== null && <ErrorBar error={error} />}
      <div aria-live="polite">
        {outcomes !== null &&
          (outcomes.length === 0 ? (
            <Body1>{t("tabs.migration.importNothing")}</Body1>
          ) : (
            <SimpleTable
              label={t("tabs.migration.importResults")}
              columns={columns}
              rows={outcomes}
              rowKey={(o) => o.fileName}
            />
          ))}
      </div>
    </Section>
  );
}
