import { tokens } from "@fluentui/react-components";
import { type MessageKey, t } from "../../../../core/messages/catalogue";

export { refreshStates as stateOrder } from "../../../../core/refresh/refreshPolicy";

/** A colour per refresh state from Fluent's tokens, so that every theme restyles the charts. */
const colours: Record<string, string> = {
  "must-replace": tokens.colorPaletteRedBackground3,
  overdue: tokens.colorPaletteDarkOrangeBackground3,
  due: tokens.colorPaletteYellowBackground3,
  "upgrade-to-windows-11": tokens.colorPaletteBerryBackground3,
  current: tokens.colorPaletteGreenBackground3,
  stale: tokens.colorPaletteBlueBackground2,
  lost: tokens.colorNeutralForeground2,
  unknown: tokens.colorNeutralForeground4,
};

export const stateColour = (state: string) => colours[state] ?? tokens.colorNeutralForeground3;

export const stateLabel = (state: string) => t(`refresh.state.${state}` as MessageKey);
