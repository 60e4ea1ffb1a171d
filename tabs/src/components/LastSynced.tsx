import { Caption1 } from "@fluentui/react-components";
import { t } from "../../../core/messages/catalogue";
import { formatDateTime } from "../format";

/** Every figure says how fresh its data is. */
export function LastSynced({ at }: { at: string | null }) {
  return <Caption1>{at ? t("tabs.lastSynced", { when: formatDateTime(at) }) : t("tabs.neverSynced")}</Caption1>;
}
