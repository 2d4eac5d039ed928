import ExcelJS from "exceljs";
import type { CellType, ReportTable } from "../report-tables";

/** What every download says about itself: whose figures, for which period, made when. */
export interface ReportMeta {
  partnership: string;
  title: string;
  /** The cover sheet's name. */
  coverSheet: string;
  /** Label and value lines: period, previous period, scope, generated at. */
  facts: { label: string; value: string }[];
  /** Definitions and notes, one paragraph each. */
  notes: string[];
}

/** Excel number formats: the cell holds the number, the format shows its unit. */
const FORMATS: Partial<Record<CellType, string>> = {
  int: "0",
  hours: "0.00",
  quantity: "0.00",
  money: '#,##0.00 "zł"',
  percent: "0.0%",
  points: '+0.0" p.p.";-0.0" p.p.";0" p.p."',
};

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique within the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, " ")
      .slice(0, 31)
      .trim() || "Arkusz";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * A workbook: a cover sheet (partnership, title, period, scope, date of generation, definitions) and one sheet per
 * table with a bold, frozen header, filters, real numbers with number formats, and a totals row.
 */
export async function toXlsx(tables: ReportTable[], meta: ReportMeta): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = meta.partnership;
  book.title = meta.title;
  const taken = new Set<string>();

  const cover = book.addWorksheet(sheetName(meta.coverSheet, taken));
  cover.getColumn(1).width = 28;
  cover.getColumn(2).width = 90;
  cover.addRow([meta.partnership]).font = { bold: true, size: 14 };
  cover.addRow([meta.title]).font = { bold: true, size: 12 };
  cover.addRow([]);
  for (const fact of meta.facts) cover.addRow([fact.label, fact.value]).getCell(1).font = { bold: true };
  cover.addRow([]);
  for (const note of meta.notes) {
    const row = cover.addRow([note]);
    cover.mergeCells(row.number, 1, row.number, 2);
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    row.height = Math.max(15, Math.ceil(note.length / 110) * 15);
  }

  for (const table of tables) {
    const sheet = book.addWorksheet(sheetName(table.sheet, taken), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      header: c.label,
      key: c.key,
      width: Math.min(
        60,
        Math.max(10, c.label.length + 2, ...table.rows.map((r) => String(r[c.key] ?? "").length + 2)),
      ),
      style: FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: "top" };
    for (const row of table.rows) sheet.addRow(row);
    if (table.totals) sheet.addRow(table.totals).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
