import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  figures: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
});

/** Named figures as a description list, as the self-help section shows ticket figures. */
export function Figures({ items }: { items: [term: string, detail: string][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.figures}>
      {items.map(([term, detail]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
