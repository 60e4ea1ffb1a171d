import { makeStyles, tokens } from "@fluentui/react-components";
import { AdaptiveCard, HostConfig } from "adaptivecards";
import { useEffect, useRef } from "react";
import type { AdaptiveCardJson } from "../../../api/pulseTypes";

/**
 * Teams' host config with its colours and fonts taken from Fluent's tokens:
 * they are CSS variables of the FluentProvider around the tab, so the card
 * follows the light, dark and high-contrast themes as the tab does.
 */
const colour = (normal: string, subtle: string = normal) => ({ default: normal, subtle });
const foregrounds = {
  default: colour(tokens.colorNeutralForeground1, tokens.colorNeutralForeground2),
  dark: colour(tokens.colorNeutralForeground1, tokens.colorNeutralForeground2),
  light: colour(tokens.colorNeutralForeground2, tokens.colorNeutralForeground3),
  accent: colour(tokens.colorBrandForeground1, tokens.colorBrandForeground2),
  good: colour(tokens.colorPaletteGreenForeground1),
  warning: colour(tokens.colorPaletteDarkOrangeForeground1),
  attention: colour(tokens.colorPaletteRedForeground1),
};
const hostConfig = new HostConfig({
  fontFamily: tokens.fontFamilyBase,
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: tokens.colorNeutralStroke2 },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  containerStyles: {
    default: { backgroundColor: tokens.colorNeutralBackground1, foregroundColors: foregrounds },
    emphasis: { backgroundColor: tokens.colorNeutralBackground3, foregroundColors: foregrounds },
    accent: { backgroundColor: tokens.colorBrandBackground2, foregroundColors: foregrounds },
    good: { backgroundColor: tokens.colorPaletteGreenBackground1, foregroundColors: foregrounds },
    attention: { backgroundColor: tokens.colorPaletteRedBackground1, foregroundColors: foregrounds },
    warning: { backgroundColor: tokens.colorPaletteYellowBackground1, foregroundColors: foregrounds },
  },
  actions: {
    maxActions: 6,
    spacing: "default",
    buttonSpacing: 8,
    showCard: { actionMode: "inline", inlineTopMargin: 16 },
    actionsOrientation: "horizontal",
    actionAlignment: "left",
  },
  // The preview sits under the form's h3 "Preview": the card's headings come below it.
  textBlock: { headingLevel: 4 },
  inputs: { label: { inputSpacing: "small", requiredInputs: { suffix: " *" }, optionalInputs: {} } },
});

const useStyles = makeStyles({
  card: {
    maxWidth: "32rem",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    overflow: "hidden",
    boxShadow: tokens.shadow4,
    // The renderer's own elements take the theme from Fluent's tokens.
    "& .ac-adaptiveCard": { outlineStyle: "none" },
    "& .ac-pushButton": {
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      fontWeight: tokens.fontWeightSemibold,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      minHeight: "32px",
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      overflow: "hidden",
      textOverflow: "ellipsis",
    },
    "& .ac-pushButton.style-positive": {
      color: tokens.colorNeutralForegroundOnBrand,
      backgroundColor: tokens.colorBrandBackground,
    },
    "& .ac-input": {
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
    },
    "& .ac-textInput, & .ac-multichoiceInput": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      padding: tokens.spacingHorizontalS,
    },
    "& .ac-textInput.ac-multiline": { height: "72px", resize: "none" },
    // A row of rating buttons wraps on a phone as it does in Teams' mobile client.
    "& .ac-actionSet": { flexWrap: "wrap", rowGap: tokens.spacingVerticalS },
  },
});

/**
 * The Adaptive Card as staff will get it, drawn by the same renderer family
 * Teams uses. Nothing in it does anything: buttons and inputs are disabled.
 */
export function CardPreview({ card, label }: { card: AdaptiveCardJson; label: string }) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const adaptive = new AdaptiveCard();
    adaptive.hostConfig = hostConfig;
    adaptive.onExecuteAction = () => {};
    adaptive.parse(card);
    const rendered = adaptive.render();
    target.replaceChildren(...(rendered ? [rendered] : []));
    for (const control of target.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLTextAreaElement>(
      "button, input, textarea, select",
    )) {
      control.disabled = true;
    }
    // A card with a selectAction makes containers into buttons: in a preview they are not.
    for (const selectable of target.querySelectorAll<HTMLElement>("[tabindex]")) {
      selectable.removeAttribute("tabindex");
      if (selectable.getAttribute("role") === "button") selectable.setAttribute("aria-disabled", "true");
    }
  }, [card]);
  // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this holds a picture of a card.
  return <div ref={box} className={styles.card} role="group" aria-label={label} />;
}
