import { t } from "../../core/messages/catalogue";
import { approverNames, requestReference } from "../../core/requests/deviceRequests";
import { chaseUndecided, defaultReminderPolicy } from "../../core/requests/requestReminders";
import { askApprovers, type RequestDeps, refreshRequestCards, tellRequester } from "./requestNotices";

/**
 * One pass of the approval chaser: reminds approvers of requests waiting two
 * working days, moves those waiting five to the approver's manager, and tells
 * the people concerned. Returns how many requests it acted on.
 */
export async function chaseApprovals(deps: RequestDeps): Promise<number> {
  const actions = await chaseUndecided(deps.db, deps.now(), {
    ...defaultReminderPolicy,
    ictApprovers: deps.ictApprovers,
  });
  for (const action of actions) {
    const { request } = action;
    const reference = requestReference(request.id);
    if (action.kind === "remind") {
      await deps.outbox.deliver({
        key: `request:${request.id}:reminder:${request.reminders_sent}`,
        purpose: "request.reminder",
        activity: { text: t("request.notify.reminder", { requester: request.requester_name, reference }) },
        recipients: request.approvers.map((approver) => ({ aadObjectId: approver.aadObjectId })),
      });
      continue;
    }
    // The previous approvers' cards now say who decides; the new approvers get their own.
    await refreshRequestCards(deps, request, null);
    await askApprovers(deps, request, request.approvers);
    await tellRequester(deps, request, t("request.notify.escalated", { reference, approver: approverNames(request) }));
  }
  return actions.length;
}
