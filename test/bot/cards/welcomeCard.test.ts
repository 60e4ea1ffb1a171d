import { describe, expect, it } from "vitest";
import { myIctDeepLink, welcomeCard } from "../../../bot/cards/welcomeCard";

describe("the welcome card", () => {
  it("greets a person by first name in an Adaptive Card 1.5 with a link to My ICT", () => {
    const card = welcomeCard({
      scope: "personal",
      firstName: "Siân",
      councilName: "Powys",
      myIctUrl: myIctDeepLink("5f0b1d3c-8a4e-4c7e-9a4b-1c2d3e4f5a6b"),
    });
    expect(card).toEqual({
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
      body: [
        expect.objectContaining({ type: "TextBlock", text: "Welcome to ICT Hub, Siân", style: "heading" }),
        expect.objectContaining({ type: "TextBlock", text: expect.stringContaining("the ICT assistant for Powys") }),
      ],
      actions: [
        {
          type: "Action.OpenUrl",
          title: "Open My ICT",
          url: "https://teams.microsoft.com/l/entity/5f0b1d3c-8a4e-4c7e-9a4b-1c2d3e4f5a6b/my-ict",
        },
      ],
    });
  });

  it("has no personal link in a channel", () => {
    const card = welcomeCard({ scope: "team", councilName: "Powys", myIctUrl: "https://x" });
    expect(card.actions ?? []).toEqual([]);
    expect(JSON.stringify(card.body)).toContain("added here");
  });

  it("shows a name that looks like a template expression as it is, never evaluating it", () => {
    const expression = ["$", "{councilName}"].join("");
    const card = welcomeCard({ scope: "personal", firstName: expression, councilName: "Powys" });
    expect(JSON.stringify(card.body)).toContain(`Welcome to ICT Hub, ${expression}`);
  });
});
