/**
 * Which groups' figures may be published without giving away a small group.
 *
 * Groups form a tree (council → directorates → services). A group is shown
 * only if it has at least `threshold` people. Hiding a group is not enough on
 * its own: its parent's total less its shown siblings would give it back. So in
 * each shown parent the undisclosed parts (hidden children, plus the remainder
 * of people in no child) are checked, and while they can be worked out (a
 * single hidden child, or together fewer than the threshold) the smallest shown
 * child is hidden as well. Children of a hidden group are hidden with it.
 */

/** A group of people and the groups it is split into. */
export type SizedGroup = {
  id: string;
  size: number;
  children?: readonly SizedGroup[];
};

/** The ids of every group in the tree whose figures must be withheld. */
export function hiddenGroups(root: SizedGroup, threshold: number): Set<string> {
  const hidden = new Set<string>();
  visit(root, threshold, hidden, root.size < threshold);
  return hidden;
}

function visit(group: SizedGroup, threshold: number, hidden: Set<string>, hide: boolean) {
  const children = group.children ?? [];
  if (hide) hidden.add(group.id);
  const hiddenChildren = hide ? new Set(children) : hiddenAmong(group, children, threshold);
  for (const child of children) visit(child, threshold, hidden, hiddenChildren.has(child));
}

/** The children of a shown group to hide, complementary suppression included. */
function hiddenAmong(parent: SizedGroup, children: readonly SizedGroup[], threshold: number): Set<SizedGroup> {
  const hidden = new Set(children.filter((c) => c.size < threshold));
  // Σ children can exceed the parent when counts were taken at different moments; nobody is then left over.
  const remainder = Math.max(0, parent.size - children.reduce((sum, c) => sum + c.size, 0));
  while (canBeWorkedOut(hidden, remainder, threshold)) {
    const shown = children.filter((c) => !hidden.has(c));
    if (shown.length === 0) break;
    hidden.add(shown.reduce((a, b) => (b.size < a.size ? b : a)));
  }
  return hidden;
}

/**
 * Whether subtraction from the parent gives away something it must not: one
 * hidden group on its own, or people who together are fewer than the threshold.
 * The remainder alone is not a published group: when it is at least the
 * threshold, working it out tells nothing that could not be shown.
 */
function canBeWorkedOut(hidden: ReadonlySet<SizedGroup>, remainder: number, threshold: number): boolean {
  const withPeople = [...hidden].filter((c) => c.size > 0);
  const undisclosed = withPeople.reduce((sum, c) => sum + c.size, remainder);
  if (undisclosed === 0) return false;
  if (undisclosed < threshold) return true;
  return withPeople.length === 1 && remainder === 0;
}
