import { Body1, Button, Field, Input, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import type { Champion, PersonFound } from "../../../../../core/adoption/adoptionApi";
import { t } from "../../../../../core/messages/catalogue";
import { ErrorBar } from "../../../components/ErrorBar";
import { useSignedIn } from "../../../data/apiContext";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: "none", display: "grid", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
  search: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
});

const describe = (person: { jobTitle: string | null; directorate?: string | null }) =>
  [person.jobTitle, person.directorate].filter(Boolean).join(", ");

/**
 * A directorate's digital champions: who they are, removing one, and finding
 * someone in the directory by name to add.
 */
export function ChampionsEditor({
  directorate,
  champions,
  onChanged,
}: {
  directorate: string;
  champions: Champion[];
  onChanged: () => void;
}) {
  const styles = useStyles();
  const { api } = useSignedIn();
  const [text, setText] = useState("");
  const [found, setFound] = useState<PersonFound[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<unknown>) => {
    setFailure(null);
    setBusy(true);
    try {
      await work();
      onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const search = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      const answer = await api.get<{ people: PersonFound[] }>(
        `/ict/adoption/people?${new URLSearchParams({ q: text.trim() })}`,
      );
      setFound(answer.people);
    } catch (error) {
      setFailure(error);
    }
  };
  const add = (person: PersonFound) =>
    act(async () => {
      await api.post("/ict/adoption/champions", { directorate, userId: person.userId });
      setFound(null);
      setText("");
    });
  const remove = (champion: Champion) =>
    act(() => api.remove(`/ict/adoption/champions?${new URLSearchParams({ directorate, userId: champion.userId })}`));

  const chosen = new Set(champions.map((c) => c.userId));
  return (
    <>
      <Subtitle2 as="h4">{t("tabs.adoption.champions.heading", { directorate })}</Subtitle2>
      {champions.length === 0 ? (
        <Body1>{t("tabs.adoption.champions.none")}</Body1>
      ) : (
        <ul className={styles.list} aria-label={t("tabs.adoption.champions.heading", { directorate })}>
          {champions.map((champion) => (
            <li key={champion.userId} className={styles.item}>
              <Body1>
                {champion.displayName}
                {champion.jobTitle && ` (${champion.jobTitle})`}
              </Body1>
              <Button
                size="small"
                disabled={busy}
                aria-label={t("tabs.adoption.champions.remove", { name: champion.displayName })}
                onClick={() => remove(champion)}
              >
                {t("tabs.adoption.champions.removeShort")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className={styles.search} onSubmit={search} aria-label={t("tabs.adoption.champions.find", { directorate })}>
        <Field label={t("tabs.adoption.champions.searchLabel")} hint={t("tabs.adoption.champions.searchHint")}>
          <Input value={text} onChange={(_e, data) => setText(data.value)} maxLength={100} />
        </Field>
        <Button type="submit" disabled={text.trim().length < 2}>
          {t("tabs.adoption.champions.search")}
        </Button>
      </form>
      <div aria-live="polite">
        {found !== null &&
          (found.length === 0 ? (
            <Body1>{t("tabs.adoption.champions.noneFound")}</Body1>
          ) : (
            <ul className={styles.list} aria-label={t("tabs.adoption.champions.found")}>
              {found.map((person) => (
                <li key={person.userId} className={styles.item}>
                  <Body1>
                    {person.displayName}
                    {describe(person) && ` (${describe(person)})`}
                  </Body1>
                  <Button
                    size="small"
                    disabled={busy || chosen.has(person.userId)}
                    aria-label={t("tabs.adoption.champions.add", { name: person.displayName, directorate })}
                    onClick={() => add(person)}
                  >
                    {t("tabs.adoption.champions.addShort")}
                  </Button>
                </li>
              ))}
            </ul>
          ))}
      </div>
      {failure !== null && <ErrorBar error={failure} />}
    </>
  );
}
