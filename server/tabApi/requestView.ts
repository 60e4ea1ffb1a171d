import { t } from "../../core/messages/catalogue";
import { requestReference } from "../../core/requests/deviceRequests";
import type { DeviceRequest } from "../../core/requests/requestTables";

/** A request after a change from the tab: what the tab redraws. */
export const changedRequest = (request: DeviceRequest) => ({
  request: {
    id: request.id,
    reference: requestReference(request.id),
    status: request.status,
    statusLabel: t(`request.status.${request.status}`),
  },
});
