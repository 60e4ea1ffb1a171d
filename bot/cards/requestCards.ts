import { t } from "../../core/messages/catalogue";
import { approverNames, isApprover, nextFulfilmentStep, requestReference } from "../../core/requests/deviceRequests";
import {
  type CurrentDevice,
  type DeviceKind,
  type DeviceRequest,
  deviceKinds,
  type Urgency,
  urgencies,
} from "../../core/requests/requestTables";
import { cardVerbs } from "./cardVerbs";
import deviceRequestTemplate from "./deviceRequest.json";
import { type AdaptiveCardJson, renderCard } from "./renderCard";
import requestFormTemplate from "./requestForm.json";

const deviceLine = (device: CurrentDevice) =>
  t("request.card.device", { name: device.name, model: device.model ?? "?", reason: device.reason });

export type RequestFormValues = { kind?: DeviceKind; reason?: string; urgency?: Urgency; justification?: string };

/** The form a member of staff fills in; shown again with their answers and the problem when one is wrong. */
export function requestFormCard(props: {
  devices: CurrentDevice[];
  eligible: boolean;
  /** Requests of theirs still in progress: someone asking after one sees where it is. */
  openRequests?: DeviceRequest[];
  values?: RequestFormValues;
  error?: string;
}): AdaptiveCardJson {
  const values = props.values ?? {};
  return renderCard(requestFormTemplate, {
    title: t("request.form.title"),
    error: props.error ?? "",
    openRequestsLabel: t("request.form.inProgress"),
    openRequests: (props.openRequests ?? []).map((request) => ({
      reference: requestReference(request.id),
      kind: t(`request.kind.${request.kind}`),
      status:
        request.status === "pending" ? noticeFor(request, "requester", false) : t(`request.status.${request.status}`),
    })),
    intro: t("request.form.intro"),
    devices: props.devices.map((d) => ({ text: deviceLine(d) })),
    noDevices: t("request.form.noDevices"),
    kindLabel: t("request.form.kind"),
    kind: values.kind ?? "standard-laptop",
    kinds: deviceKinds.map((value) => ({ value, title: t(`request.kind.${value}`) })),
    reasonLabel: t("request.form.reason"),
    reason: values.reason ?? "",
    urgencyLabel: t("request.form.urgency"),
    urgency: values.urgency ?? "normal",
    urgencies: urgencies.map((value) => ({ value, title: t(`request.urgency.${value}`) })),
    eligible: props.eligible,
    justificationLabel: t("request.form.justification"),
    justification: values.justification ?? "",
    submitLabel: t("request.form.submit"),
    submitVerb: cardVerbs.requestSubmit,
  });
}

/** Where a card about a request sits, which decides what it offers. */
export type RequestView = "requester" | "approver" | "desk";

/**
 * A request as one person sees it in one place: the requester may cancel
 * while it waits, a current approver may decide, the desk may take the next
 * fulfilment step; everyone else sees it read-only with who decides.
 */
export function requestCard(
  request: DeviceRequest,
  view: RequestView,
  viewer: { aadObjectId: string; teamsUserId?: string | null },
): AdaptiveCardJson {
  const pending = request.status === "pending";
  const canDecide = view === "approver" && pending && isApprover(request, viewer.aadObjectId);
  const canCancel = view === "requester" && pending && request.requester_aad_id === viewer.aadObjectId;
  const next = view === "desk" ? nextFulfilmentStep(request.status) : undefined;
  const actions = [
    ...(canDecide
      ? [
          { title: t("request.card.approve"), verb: cardVerbs.approve, requestId: request.id, to: "" },
          { title: t("request.card.reject"), verb: cardVerbs.reject, requestId: request.id, to: "" },
        ]
      : []),
    ...(canCancel ? [{ title: t("request.card.cancel"), verb: cardVerbs.cancel, requestId: request.id, to: "" }] : []),
    ...(next
      ? [
          {
            title: t("request.card.markAs", { step: t(`request.status.${next}`) }),
            verb: cardVerbs.fulfil,
            requestId: request.id,
            to: next,
          },
        ]
      : []),
  ];
  return renderCard(deviceRequestTemplate, {
    refreshVerb: cardVerbs.requestView,
    requestId: request.id,
    view,
    userIds: view !== "desk" && viewer.teamsUserId ? [viewer.teamsUserId] : [],
    title: t("request.card.title", {
      reference: requestReference(request.id),
      kind: t(`request.kind.${request.kind}`),
    }),
    notice: noticeFor(request, view, canDecide),
    noticeColour: request.status === "rejected" || request.status === "cancelled" ? "Attention" : "Good",
    facts: [
      { title: t("request.card.requester"), value: request.requester_name },
      { title: t("request.card.reason"), value: request.reason },
      { title: t("request.card.urgency"), value: t(`request.urgency.${request.urgency}`) },
      { title: t("request.card.eligibility"), value: t(`request.eligibility.${request.eligibility}`) },
      ...(request.justification ? [{ title: t("request.card.justification"), value: request.justification }] : []),
      { title: t("request.card.status"), value: t(`request.status.${request.status}`) },
      ...(request.decision_comment ? [{ title: t("request.card.comment"), value: request.decision_comment }] : []),
    ],
    devicesLabel: t("request.card.devices"),
    devices: view === "requester" ? [] : request.current_devices.map((d) => ({ text: deviceLine(d) })),
    canDecide,
    commentPlaceholder: t("request.card.commentPlaceholder"),
    actions,
  });
}

function noticeFor(request: DeviceRequest, view: RequestView, canDecide: boolean): string {
  if (request.status === "pending") {
    if (canDecide) return "";
    return view === "requester"
      ? t("request.notify.submitted", { reference: requestReference(request.id), approver: approverNames(request) })
      : t("request.card.onlyApprover", { approver: approverNames(request) });
  }
  if (request.decided_by_name && (request.status === "approved" || request.status === "rejected")) {
    return t("request.card.decided", {
      status: capitalise(t(`request.status.${request.status}`)),
      name: request.decided_by_name,
    });
  }
  return capitalise(t(`request.status.${request.status}`));
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
