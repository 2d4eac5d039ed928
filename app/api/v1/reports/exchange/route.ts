import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { getExchange } from "@/lib/reports/get-exchange";
import type { ReportPeriodInput } from "@/lib/reports/report-input";

const anyQuery = z.record(z.string(), z.string());

/**
 * `GET /api/v1/reports/exchange?from=&to=` → `200 {"from","to","organisations":[…],"matrix":[{"lender","borrower",
 * "bookings","hours","value"}],"onlyGive":[slug],"onlyTake":[slug],"totals":{…}}`.
 */
export const GET = authedRoute({ query: anyQuery }, async ({ db, actor, query }) => {
  const report = await getExchange(db, actor, query as ReportPeriodInput);
  return { body: report, headers: { "Cache-Control": "no-store" } };
});
