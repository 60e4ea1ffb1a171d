import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";

const useStyles = makeStyles({
  part: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** A titled part of a section (an h3 under the section's h2), named by its heading. */
export function Part({ heading, children }: { heading: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section aria-labelledby={id} className={styles.part}>
      <Subtitle2 as="h3" id={id}>
        {heading}
      </Subtitle2>
      {children}
    </section>
  );
}
