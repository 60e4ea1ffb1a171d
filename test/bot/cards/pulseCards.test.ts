import { describe, expect, it } from "vitest";
import { pulseActionsCard, pulseCard, pulseThanksCard } from "../../../bot/cards/pulseCards";

type Element = { type: string; id?: string; text?: string; label?: string; choices?: { value: string }[] };
const draft = {
  title: "ICT services this quarter",
  ratingQuestion: "How satisfied are you with ICT services?",
  askRecommend: false,
  askComment: false,
  anonymous: true,
};
const closesAt = new Date("2027-03-08T09:00:00Z");

describe("pulse cards", () => {
  it("asks for a 1–5 rating answered in place, and refreshes to the viewer's state", () => {
    const card = pulseCard({ draft, runId: 12, closesAt });
    const body = card.body as Element[];
    expect(card.version).toBe("1.5");
    expect(body.filter((e) => e.id).map((e) => e.id)).toEqual(["rating"]);
    expect(body.find((e) => e.id === "rating")?.choices?.map((c) => c.value)).toEqual(["1", "2", "3", "4", "5"]);
    expect(card.actions).toEqual([
      expect.objectContaining({ type: "Action.Execute", verb: "pulse.answer", data: { runId: 12 } }),
    ]);
    expect(card.refresh).toMatchObject({ action: { type: "Action.Execute", verb: "pulse.view", data: { runId: 12 } } });
    expect(JSON.stringify(card)).toContain("8 March 2027");
  });

  it("adds the 0–10 question and the comment box only when the pulse asks them", () => {
    const card = pulseCard({ draft: { ...draft, askRecommend: true, askComment: true }, runId: 1, closesAt });
    const inputs = (card.body as Element[]).filter((e) => e.id);
    expect(inputs.map((e) => e.id)).toEqual(["rating", "recommend", "comment"]);
    expect(inputs[1]?.choices).toHaveLength(11);
  });

  it("keeps ICT's text as text, never as a template expression", () => {
    const expression = ["$", "{ratingQuestion} $", "{runId}"].join("");
    const card = pulseCard({ draft: { ...draft, title: expression }, runId: 3, closesAt });
    expect((card.body as Element[])[0]?.text).toBe(expression);
  });

  it("thanks without any action to press again, saying when the answer is anonymous", () => {
    const thanks = pulseThanksCard({ title: draft.title, anonymous: true, already: false });
    expect(thanks.actions).toBeUndefined();
    expect(thanks.refresh).toBeUndefined();
    expect(JSON.stringify(thanks)).toMatch(/kept without your name/);
    expect(JSON.stringify(pulseThanksCard({ title: "T", anonymous: false, already: true }))).not.toMatch(/anonymous/);
  });

  it("tells respondents what they said and what ICT did", () => {
    const card = pulseActionsCard({ title: "Q1", youSaid: "Slow logins", weDid: "New laptops" });
    expect((card.body as Element[]).map((e) => e.text)).toEqual([
      "You said, we did: Q1",
      expect.any(String),
      "You said",
      "Slow logins",
      "We did",
      "New laptops",
    ]);
  });
});
