import { Body1, makeStyles, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { t } from "../../../../../core/messages/catalogue";
import { ErrorBar } from "../../../components/ErrorBar";
import { formatNumber } from "../../../format";
import { CardPreview } from "./CardPreview";
import type { PreviewState } from "./usePulsePreview";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  status: { minHeight: tokens.lineHeightBase400 },
});

/** The card as staff will see it and how many it goes to, beside the form. */
export function PreviewPane({ state }: { state: PreviewState }) {
  const styles = useStyles();
  const headingId = useId();
  const preview = state.status === "ready" ? state.preview : state.status === "loading" ? state.last : null;
  return (
    <section className={styles.pane} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {t("tabs.pulses.preview.heading")}
      </Subtitle2>
      <div className={styles.status} aria-live="polite">
        {state.status === "loading" && preview === null && (
          <Spinner size="tiny" labelPosition="after" label={t("tabs.pulses.preview.loading")} />
        )}
        {preview && <Body1>{t("tabs.pulses.preview.audience", { count: formatNumber(preview.audienceSize) })}</Body1>}
        {state.status === "invalid" && <Body1>{t("tabs.pulses.preview.invalid")}</Body1>}
      </div>
      {state.status === "failed" && <ErrorBar error={state.error} />}
      {preview && <CardPreview card={preview.card} label={t("tabs.pulses.preview.cardLabel")} />}
    </section>
  );
}
