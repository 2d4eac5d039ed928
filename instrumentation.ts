/**
 * Runs once when a server process starts. The work lives in lib/jobs/start-server-jobs.ts and is imported only for
 * the Node.js runtime, so the Edge bundle of this file (built because of proxy.ts) never sees Node-only modules.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerJobs } = await import("./lib/jobs/start-server-jobs");
    await startServerJobs();
  }
}

/**
 * A page, action or route that throws: one JSON log line with the request id that proxy.ts (or nginx) gave the
 * request. The path only, never the query, which may hold search text.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routerKind: string; routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log, withRequestId } = await import("./lib/log/logger");
  const given = request.headers["x-request-id"];
  const { requestIdFrom } = await import("./lib/log/request-id");
  const requestId = requestIdFrom(new Headers(typeof given === "string" ? { "x-request-id": given } : {}));
  withRequestId(requestId, () =>
    log.error(
      { err: error, method: request.method, route: context.routePath, routeType: context.routeType },
      "request failed",
    ),
  );
}
