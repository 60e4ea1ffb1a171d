import { describe, expect, it } from "vitest";
import { knownModel } from "../../../core/refresh/modelCatalogue";
import { DEVICE_MODELS, meetsWindows11ProcessorFloor } from "../../../graph/devtenant/council/hardware";

describe("the model catalogue", () => {
  it("knows when every model the generated council buys came out, and agrees with its processors on Windows 11", () => {
    for (const model of DEVICE_MODELS) {
      const known = knownModel(model.model);
      expect(known?.releaseYear, model.model).toBe(model.year);
      const verdict = model.chassis === "tablet" ? undefined : model.processors.every(meetsWindows11ProcessorFloor);
      expect(known?.meetsWindows11ProcessorFloor, model.model).toBe(verdict);
    }
  });

  it("matches Intune's model names whatever their case and surrounding spaces, and knows nothing of others", () => {
    expect(knownModel("  latitude 5480 ")).toEqual({ releaseYear: 2017, meetsWindows11ProcessorFloor: false });
    expect(knownModel("Contoso Book 9")).toBeUndefined();
    expect(knownModel(null)).toBeUndefined();
  });
});
