import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { getInKind } from "@/lib/reports/get-in-kind";
import type { InKindInput } from "@/lib/reports/report-input";

const anyQuery = z.record(z.string(), z.string());

/**
 * `GET /api/v1/reports/in-kind?from=&to=&groupBy=organisation|purpose|month` →
 * `200 {"from","to","groupBy","rows":[{"key","label","bookings","value",…}],"totals":{…},"lines":[…],"unvalued":[…]}`;
 * values in PLN (two decimals), `lines` the grant application's table (lender, resource, quantity, unit, rate, source).
 */
export const GET = authedRoute({ query: anyQuery }, async ({ db, actor, query }) => {
  const report = await getInKind(db, actor, query as InKindInput);
  return { body: report, headers: { "Cache-Control": "no-store" } };
});
