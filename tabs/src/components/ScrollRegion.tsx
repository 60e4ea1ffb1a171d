import { makeStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  // Narrow (mobile) widths scroll a wide table here rather than the whole page.
  scroller: { overflowX: "auto", maxWidth: "100%" },
});

/**
 * A box that scrolls sideways, focusable so that keyboard users can scroll it
 * too (WCAG 2.1.1). A named group rather than a landmark: the section around it is the landmark.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable box must be reachable by keyboard.
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this holds a table.
    <div className={styles.scroller} role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
