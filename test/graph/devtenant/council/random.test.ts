import { describe, expect, it } from "vitest";
import { Random, seedFrom } from "../../../../graph/devtenant/council/random";

describe("Random", () => {
  it("repeats the same sequence from the same seed and another from another seed", () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 20 }, () => random.uint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("makes GUIDs in lowercase version-4 form, all different", () => {
    const random = new Random(1);
    const guids = Array.from({ length: 2000 }, () => random.guid());
    for (const guid of guids) {
      expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(guids).size).toBe(guids.length);
  });

  it("keeps whole numbers within the bounds given, reaching both ends", () => {
    const random = new Random(5);
    const values = Array.from({ length: 5000 }, () => random.int(3, 7));
    expect(Math.min(...values)).toBe(3);
    expect(Math.max(...values)).toBe(7);
  });

  it("picks by weight", () => {
    const random = new Random(9);
    const picks = Array.from({ length: 10_000 }, () => random.weighted(["common", "rare"], [9, 1]));
    const rare = picks.filter((pick) => pick === "rare").length;
    expect(rare).toBeGreaterThan(800);
    expect(rare).toBeLessThan(1200);
  });

  it("draws roughly normal values around the mean", () => {
    const random = new Random(2);
    const values = Array.from({ length: 10_000 }, () => random.normal(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const withinOneSd = values.filter((value) => Math.abs(value - 10) < 2).length / values.length;
    expect(mean).toBeCloseTo(10, 1);
    expect(withinOneSd).toBeGreaterThan(0.6);
    expect(withinOneSd).toBeLessThan(0.76);
  });

  it("shuffles into a permutation of the same items", () => {
    const items = Array.from({ length: 50 }, (_, index) => index);
    const shuffled = new Random(4).shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});

describe("seedFrom", () => {
  it("depends on every part and on where the parts divide", () => {
    expect(seedFrom(1, "user", "2026-11-23")).toBe(seedFrom(1, "user", "2026-11-23"));
    expect(seedFrom(1, "user", "2026-11-23")).not.toBe(seedFrom(1, "user", "2026-11-24"));
    expect(seedFrom("ab", "c")).not.toBe(seedFrom("a", "bc"));
  });
});
