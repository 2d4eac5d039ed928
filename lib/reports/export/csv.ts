import type { Cell, CellType, ReportTable } from "../report-tables";

/**
 * CSV for Polish Excel: UTF-8 with a byte-order mark (so Excel reads Polish letters), `;` between fields, a decimal
 * comma, no thousands separator, CRLF line ends, quotes only where needed (RFC 4180 quoting). Percentages are
 * written as percent numbers (14,71), money in złoty with two decimals; the header says the unit.
 */
export const CSV_SEPARATOR = ";";

const SUFFIX: Partial<Record<CellType, string>> = { percent: "%", points: "p.p.", money: "zł" };

function quote(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function plain(value: Cell, type: CellType): string {
  if (value === null || value === undefined) return "";
  // A name starting like a formula (`=`, `+`, `-`, `@`) would run as one in a spreadsheet: keep it text.
  if (typeof value === "string") return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const decimals = type === "int" ? 0 : 2;
  const n = type === "percent" || type === "points" ? value * 100 : value;
  const fixed = Number(n.toFixed(decimals));
  // Money keeps its two decimals (1250,00); hours and quantities drop trailing zeros (7,5).
  const text = type === "money" ? fixed.toFixed(2) : String(fixed);
  return text.replace(".", ",");
}

export function toCsv(table: ReportTable): string {
  const header = table.columns.map((c) => quote(SUFFIX[c.type] ? `${c.label} (${SUFFIX[c.type]})` : c.label));
  const lines = [header.join(CSV_SEPARATOR)];
  for (const row of [...table.rows, ...(table.totals ? [table.totals] : [])]) {
    lines.push(table.columns.map((c) => quote(plain(row[c.key] ?? null, c.type))).join(CSV_SEPARATOR));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
