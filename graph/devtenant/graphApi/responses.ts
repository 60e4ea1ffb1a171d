import { GraphHttpError, type GraphResponse } from "./graphTypes";

/** A thrown GraphHttpError as Graph's error JSON; anything else as Graph's 500. */
export function errorResponse(error: unknown): GraphResponse {
  if (error instanceof GraphHttpError) {
    return {
      status: error.status,
      headers: error.headers,
      body: { error: { code: error.code, message: error.message } },
    };
  }
  console.error("dev tenant: unexpected error in a Graph route", error);
  return {
    status: 500,
    body: { error: { code: "generalException", message: "An unexpected error occurred in the dev tenant." } },
  };
}

/** Adds the request ids to the headers and, for errors, to `innerError`, as Graph does. */
export function finish(response: GraphResponse, requestId: string, clientRequestId: string): GraphResponse {
  const headers: Record<string, string> = {
    ...response.headers,
    "request-id": requestId,
    "client-request-id": clientRequestId,
  };
  let body = response.body;
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (error && response.status >= 400) {
    body = {
      error: {
        ...error,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          "request-id": requestId,
          "client-request-id": clientRequestId,
        },
      },
    };
  }
  if (body !== undefined && !headers["content-type"]) {
    headers["content-type"] =
      "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
  }
  return { status: response.status, headers, body };
}
