import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/config";
import { formatCell } from "@/lib/reports/export/format-cell";
import type { ReportTable } from "@/lib/reports/report-tables";

/**
 * A report table as HTML: a caption, column headers, the first column as row headers, numbers right-aligned and
 * formatted the Polish way, totals in the footer. It scrolls sideways on a narrow screen, reachable by keyboard.
 */
export function DataTable({
  table,
  locale,
  caption,
  empty,
  testId,
}: {
  table: ReportTable;
  locale: Locale;
  caption?: ReactNode;
  /** Shown instead of an empty body. */
  empty?: ReactNode;
  testId?: string;
}) {
  const captionId = `table-${table.id}-caption`;
  const numeric = (type: string) => type !== "text";
  const cell = (value: unknown, type: (typeof table.columns)[number]["type"]) =>
    formatCell((value ?? null) as never, type, locale);
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="overflow-x-auto" data-testid={testId}>
      <table className="w-full border-collapse text-sm">
        <caption id={captionId} className="mb-2 text-left font-semibold text-slate-900">
          {caption ?? table.title}
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-400 bg-slate-100">
            {table.columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={`px-2 py-2 align-bottom font-semibold ${numeric(c.type) ? "text-right" : "text-left"}`}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 && empty ? (
            <tr>
              <td colSpan={table.columns.length} className="px-2 py-3 text-slate-700">
                {empty}
              </td>
            </tr>
          ) : null}
          {table.rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position in a table rendered once on the server.
            <tr key={`${table.id}-${i}`} className="border-b border-slate-200 odd:bg-white even:bg-slate-50">
              {table.columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row" className="px-2 py-2 text-left font-medium">
                    {cell(row[c.key], c.type)}
                  </th>
                ) : (
                  <td
                    key={c.key}
                    className={`px-2 py-2 ${numeric(c.type) ? "whitespace-nowrap text-right tabular-nums" : ""}`}
                  >
                    {cell(row[c.key], c.type)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {table.totals && table.rows.length > 0 ? (
          <tfoot>
            <tr className="border-t-2 border-slate-400 font-semibold">
              {table.columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row" className="px-2 py-2 text-left">
                    {table.totals?.[c.key] === undefined ? "" : cell(table.totals[c.key], c.type)}
                  </th>
                ) : (
                  <td
                    key={c.key}
                    className={`px-2 py-2 ${numeric(c.type) ? "whitespace-nowrap text-right tabular-nums" : ""}`}
                  >
                    {table.totals?.[c.key] === undefined ? "" : cell(table.totals[c.key], c.type)}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
