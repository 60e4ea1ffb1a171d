import { type GraphRoute, reportSettingsRead, reportsRead } from "../graphRoute";
import { type GraphContext, GraphHttpError, type GraphRequest, type GraphResponse, ok } from "../graphTypes";
import { contextUrl, onlyOptions } from "../odata";
import { activityReports } from "./activityReports";
import { concealed } from "./concealment";
import { reportCsv } from "./csv";
import type { ReportDownloads } from "./reportDownloads";
import type { ReportThrottle } from "./reportThrottle";
import { parseReportCall, reportWindow } from "./reportWindow";
import { storageReports } from "./storageReports";

const reportDefinitions = { ...activityReports, ...storageReports };

/** Usage reports (302 to a CSV) and the tenant's concealed-names setting. */
export function reportRoutes(deps: { downloads: ReportDownloads; throttle: ReportThrottle }): GraphRoute[] {
  return [
    {
      method: "GET",
      pattern: /^\/reports\/([^/]+?)(?:\/content)?$/,
      permission: reportsRead,
      handle: (req, ctx, [segment]) => report(req, ctx, segment ?? "", deps),
    },
    { method: "GET", pattern: /^\/admin\/reportSettings$/, permission: reportSettingsRead, handle: reportSettings },
  ];
}

function report(
  req: GraphRequest,
  ctx: GraphContext,
  segment: string,
  deps: { downloads: ReportDownloads; throttle: ReportThrottle },
): GraphResponse {
  const call = parseReportCall(segment);
  const definition = call ? reportDefinitions[call.name] : undefined;
  if (!call || !definition) {
    throw new GraphHttpError(
      400,
      "BadRequest",
      `Resource not found for the segment '${segment.replace(/\(.*$/, "")}'.`,
    );
  }
  onlyOptions(req, ["$format"]);
  const format = req.query.get("$format");
  if (format !== null && format !== "text/csv") {
    throw new GraphHttpError(400, "BadRequest", `The dev tenant serves reports as CSV only, not '${format}'.`);
  }
  const waitSeconds = deps.throttle.take(`${req.caller.appId}:${call.name}`);
  if (waitSeconds > 0) {
    throw new GraphHttpError(
      429,
      "TooManyRequests",
      "Too many requests for this report: retry after the interval given.",
      {
        "retry-after": String(waitSeconds),
      },
    );
  }
  const window = reportWindow(call, ctx.council.today);
  const concealing = ctx.council.reportSettings.displayConcealedNames;
  const shown = concealing ? (value: string) => concealed(ctx.council.tenantId, value) : (value: string) => value;
  const csv = reportCsv(definition.header, definition.rows({ ctx, window, shown, concealing }));
  return {
    status: 302,
    headers: { location: `${ctx.baseUrl}${deps.downloads.add(csv)}`, "content-type": "text/plain" },
  };
}

function reportSettings(req: GraphRequest, ctx: GraphContext) {
  onlyOptions(req, ["$select"]);
  return ok({
    "@odata.context": contextUrl(ctx, req, "admin/reportSettings/$entity"),
    displayConcealedNames: ctx.council.reportSettings.displayConcealedNames,
  });
}
