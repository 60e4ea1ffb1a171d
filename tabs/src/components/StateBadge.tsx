import { Badge, type BadgeProps } from "@fluentui/react-components";

/** Refresh states that call for action stand out; the label always says the state in words. */
const colours: Record<string, BadgeProps["color"]> = {
  "must-replace": "danger",
  overdue: "danger",
  due: "warning",
  "upgrade-to-windows-11": "warning",
  current: "success",
};

export function StateBadge({ state, label }: { state: string; label: string }) {
  return (
    <Badge appearance="tint" color={colours[state] ?? "informative"}>
      {label}
    </Badge>
  );
}
