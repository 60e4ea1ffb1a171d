import { makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** A titled part of a view, named by its heading for screen readers' landmarks. */
export function Section({ heading, children }: { heading: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section aria-labelledby={id} className={styles.section}>
      <Subtitle1 as="h2" id={id}>
        {heading}
      </Subtitle1>
      {children}
    </section>
  );
}
