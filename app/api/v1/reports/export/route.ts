import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { translator } from "@/lib/i18n/translate";
import { type ExportInput, exportReport } from "@/lib/reports/export-report";
import type { Translate } from "@/lib/reports/report-tables";

const anyQuery = z.record(z.string(), z.string());

/**
 * `GET /api/v1/reports/export?report=utilisation|exchange|matrix|in-kind|in-kind-lines|funnel|decisions|underused|all
 * &format=csv|xlsx|pdf&from=&to=&groupBy=&by=&organisation=` → the file as an attachment. CSV holds one table (UTF-8
 * with BOM, `;`, decimal comma); XLSX and PDF hold a cover with the period, the scope and the date of generation.
 */
export const GET = authedRoute({ query: anyQuery }, async ({ db, actor, query, locale }) => {
  const t = translator(locale) as unknown as Translate;
  const file = await exportReport(db, actor, query as ExportInput, { locale, t });
  return new Response(file.body as BodyInit, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
