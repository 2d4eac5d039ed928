import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { getFunnel } from "@/lib/reports/get-funnel";
import type { ReportPeriodInput } from "@/lib/reports/report-input";

const anyQuery = z.record(z.string(), z.string());

/**
 * `GET /api/v1/reports/funnel?from=&to=` → `200 {"from","to","requests","approved","declined","cancelled","expired",
 * "pending","instant","decided","medianDecisionHours","underused":[…]}`.
 */
export const GET = authedRoute({ query: anyQuery }, async ({ db, actor, query }) => {
  const report = await getFunnel(db, actor, query as ReportPeriodInput);
  return { body: report, headers: { "Cache-Control": "no-store" } };
});
