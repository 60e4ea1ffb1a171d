import { Body1, makeStyles, Title2, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  scene: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXXL,
    maxWidth: "60rem",
  },
});

/** A view with a heading and a sentence: used until a view has its content. */
export function EmptyScene({ heading, body }: { heading: string; body: string }) {
  const styles = useStyles();
  return (
    <main className={styles.scene}>
      <Title2 as="h1">{heading}</Title2>
      <Body1 as="p">{body}</Body1>
    </main>
  );
}
