import { makeStyles, Title2, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  scene: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: "72rem",
    boxSizing: "border-box",
  },
});

/** A view's main landmark with its one h1. */
export function Scene({ heading, children }: { heading: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <main className={styles.scene}>
      <Title2 as="h1">{heading}</Title2>
      {children}
    </main>
  );
}
