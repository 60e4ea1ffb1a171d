import { describe, expect, it } from "vitest";
import { hiddenGroups, type SizedGroup } from "../../../core/privacy/smallGroups";

const group = (id: string, size: number, children?: SizedGroup[]): SizedGroup => ({ id, size, children });
const hiddenIds = (root: SizedGroup, threshold: number) => [...hiddenGroups(root, threshold)].sort();

/**
 * Everything subtraction gives an onlooker: for each shown group, its size less
 * any selection of its shown children. Each is a number of people whose
 * figures can be worked out.
 */
function subtractions(root: SizedGroup, hidden: ReadonlySet<string>): number[] {
  const found: number[] = [];
  const visit = (parent: SizedGroup) => {
    if (hidden.has(parent.id)) return;
    const shown = (parent.children ?? []).filter((c) => !hidden.has(c.id));
    for (let mask = 1; mask < 1 << shown.length; mask++) {
      found.push(parent.size - shown.reduce((sum, c, i) => (mask & (1 << i) ? sum + c.size : sum), 0));
    }
    for (const child of parent.children ?? []) visit(child);
  };
  visit(root);
  return found;
}

describe("which small groups are withheld", () => {
  it("shows every group at or over the threshold", () => {
    const council = group("council", 60, [group("A", 10), group("B", 25), group("C", 25)]);
    expect(hiddenIds(council, 10)).toEqual([]);
  });

  it("hides a group under the threshold and the smallest shown sibling, so the parent less the rest gives neither", () => {
    const council = group("council", 69, [group("A", 4), group("B", 40), group("C", 13), group("D", 12)]);
    expect(hiddenIds(council, 10)).toEqual(["A", "D"]);
  });

  it("hides a sibling too when the hidden groups together are under the threshold", () => {
    const council = group("council", 86, [group("A", 3), group("B", 4), group("C", 40), group("D", 39)]);
    expect(hiddenIds(council, 10)).toEqual(["A", "B", "D"]);
  });

  it("hides nothing more when the hidden groups together reach the threshold", () => {
    const council = group("council", 92, [group("A", 6), group("B", 6), group("C", 40), group("D", 40)]);
    expect(hiddenIds(council, 10)).toEqual(["A", "B"]);
  });

  it("counts people in no child as an undisclosed part of their parent", () => {
    // 3 people with no directorate could be worked out from the council less its directorates.
    const fewLeftOver = group("council", 63, [group("A", 40), group("B", 20)]);
    expect(hiddenIds(fewLeftOver, 10)).toEqual(["B"]);
    // With 3 hidden and 4 left over, 7 people could still be worked out together.
    const mixed = group("council", 67, [group("A", 40), group("B", 20), group("C", 3)]);
    expect(hiddenIds(mixed, 10)).toEqual(["B", "C"]);
    // A hidden group mixed with enough people in no group cannot be worked out.
    const enoughLeftOver = group("council", 75, [group("A", 40), group("B", 20), group("C", 3)]);
    expect(hiddenIds(enoughLeftOver, 10)).toEqual(["C"]);
  });

  it("shows every child when only people in no child, at least the threshold of them, are left over", () => {
    const council = group("council", 90, [group("A", 40), group("B", 20)]);
    expect(hiddenIds(council, 10)).toEqual([]);
  });

  it("ignores hidden groups with nobody in them", () => {
    const council = group("council", 60, [group("A", 0), group("B", 20), group("C", 40)]);
    expect(hiddenIds(council, 10)).toEqual(["A"]);
  });

  it("hides the children of a hidden group, however large", () => {
    const council = group("council", 96, [
      group("A", 4),
      group("B", 30, [group("B1", 15), group("B2", 15)]),
      group("C", 62, [group("C1", 50), group("C2", 12)]),
    ]);
    expect(hiddenIds(council, 10)).toEqual(["A", "B", "B1", "B2"]);
  });

  it("applies the rule again inside each shown group", () => {
    const council = group("council", 100, [
      group("A", 40, [group("A1", 20), group("A2", 12), group("A3", 4), group("A4", 4)]),
      group("B", 60, [group("B1", 30), group("B2", 30)]),
    ]);
    expect(hiddenIds(council, 10)).toEqual(["A2", "A3", "A4"]);
  });

  it("hides everything when the whole is under the threshold", () => {
    const council = group("council", 8, [group("A", 5), group("B", 3)]);
    expect(hiddenIds(council, 10)).toEqual(["A", "B", "council"]);
  });

  it("stops when no shown child is left to hide", () => {
    const council = group("council", 14, [group("A", 4), group("B", 10)]);
    expect(hiddenIds(council, 10)).toEqual(["A", "B"]);
  });

  it("never lets subtraction give away fewer people than the threshold, across many generated trees", () => {
    let state = 7;
    const random = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state % n;
    };
    const tree = (depth: number, id: string): SizedGroup => {
      const children =
        depth === 0
          ? []
          : Array.from({ length: random(5) }, (_, i) => tree(depth - 1, `${id}.${i}`)).filter((c) => c.size >= 0);
      const sum = children.reduce((s, c) => s + c.size, 0);
      return group(id, sum + (random(3) === 0 ? random(12) : 0) + (children.length === 0 ? random(30) : 0), children);
    };
    for (let round = 0; round < 300; round++) {
      const root = tree(3, "council");
      for (const threshold of [5, 10]) {
        const hidden = hiddenGroups(root, threshold);
        for (const people of subtractions(root, hidden)) {
          expect(people === 0 || people >= threshold).toBe(true);
        }
      }
    }
  });
});
