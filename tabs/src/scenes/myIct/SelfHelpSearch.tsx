import { Body1, Button, Field, Input, Link, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { t } from "../../../../core/messages/catalogue";
import type { SearchResults } from "../../api/types";
import { ErrorBar } from "../../components/ErrorBar";
import { Section } from "../../components/Section";
import { useSignedIn } from "../../data/apiContext";

const useStyles = makeStyles({
  form: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  field: { flexGrow: 1, minWidth: "14rem" },
  results: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "grid", gap: tokens.spacingVerticalS },
});

type Outcome =
  | { status: "idle" | "searching" }
  | { status: "done"; results: SearchResults }
  | { status: "failed"; error: unknown };

/** Asks the same knowledge base the bot answers from. */
export function SelfHelpSearch() {
  const styles = useStyles();
  const { api } = useSignedIn();
  const [query, setQuery] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle" });

  async function search(event: FormEvent) {
    event.preventDefault();
    if (!query.trim()) return;
    setOutcome({ status: "searching" });
    try {
      const results = await api.get<SearchResults>(`/selfhelp/search?q=${encodeURIComponent(query.trim())}`);
      setOutcome({ status: "done", results });
    } catch (error) {
      setOutcome({ status: "failed", error });
    }
  }

  return (
    <Section heading={t("tabs.search.heading")}>
      <search>
        <form className={styles.form} onSubmit={search}>
          <Field className={styles.field} label={t("tabs.search.label")}>
            <Input type="search" value={query} onChange={(_e, data) => setQuery(data.value)} />
          </Field>
          <Button type="submit" appearance="primary">
            {t("tabs.search.button")}
          </Button>
        </form>
      </search>
      <div aria-live="polite">
        {outcome.status === "searching" && <Spinner size="small" label={t("tabs.search.searching")} />}
        {outcome.status === "failed" && <ErrorBar error={outcome.error} />}
        {outcome.status === "done" &&
          (outcome.results.results.length === 0 ? (
            <Body1>{t("tabs.search.none")}</Body1>
          ) : (
            <ul className={styles.results}>
              {outcome.results.results.map((result) => (
                <li key={result.id}>
                  <Link href={result.url} target="_blank">
                    {result.title}
                  </Link>
                  <Body1 as="p">{result.summary}</Body1>
                </li>
              ))}
            </ul>
          ))}
      </div>
    </Section>
  );
}
