import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { translator } from "@/lib/i18n/translate";
import { getUtilisation } from "@/lib/reports/get-utilisation";
import type { UtilisationInput } from "@/lib/reports/report-input";

// The use-case validates with its own zod schema; a failure answers 400 with the fields.
const anyQuery = z.record(z.string(), z.string());

/**
 * `GET /api/v1/reports/utilisation?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=resource|kind|organisation` →
 * `200 {"from","to","groupBy","previous","rows":[{"key","label","bookings","bookedHours","availableHours","utilisation",…}],"totals":{…}}`;
 * hours are decimal numbers, utilisation a fraction; `403` for anyone but the coordinator and organisation admins.
 */
export const GET = authedRoute({ query: anyQuery }, async ({ db, actor, query, locale }) => {
  const report = await getUtilisation(db, actor, query as UtilisationInput);
  if (report.groupBy === "kind") {
    const t = translator(locale);
    for (const row of report.rows) row.label = t(`kinds.${row.key}` as never);
  }
  return { body: report, headers: { "Cache-Control": "no-store" } };
});
