import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { dejaVuFontFiles } from "@/lib/pdf/fonts";
import type { ReportTable } from "../report-tables";
import { formatCell } from "./format-cell";
import type { ReportMeta } from "./xlsx";

// A4 landscape, in points.
const PAGE: [number, number] = [841.89, 595.28];
const MARGIN = 36;
const SIZE = 8;
const LINE = 10.5;
const PAD = 3;
const INK = rgb(0.06, 0.09, 0.16);
const GREY = rgb(0.93, 0.94, 0.96);
const RULE = rgb(0.7, 0.72, 0.76);

/** Splits text into lines no wider than `width`, breaking at spaces (and inside a word longer than a line). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width) {
        line = next;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  get width() {
    return PAGE[0] - 2 * MARGIN;
  }
  newPage() {
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }
  ensure(height: number) {
    if (this.y - height < MARGIN + 14) this.newPage();
  }
  text(text: string, { size = 10, bold = false, gap = 2 } = {}) {
    const font = bold ? this.bold : this.regular;
    for (const line of wrap(text, font, size, this.width)) {
      this.ensure(size * 1.3);
      this.page.drawText(line, { x: MARGIN, y: this.y - size, size, font, color: INK });
      this.y -= size * 1.3;
    }
    this.y -= gap;
  }
}

/**
 * Column widths: each column's natural width (its widest cell, at most 220 pt), shrunk to the page if the table is too
 * wide — but never below its minimum: the longest word of its header, and for a number its whole text, so numbers
 * and words never break.
 */
function columnWidths(w: Writer, table: ReportTable, cells: string[][]): number[] {
  const width = (text: string) => w.bold.widthOfTextAtSize(text, SIZE);
  const minimum = table.columns.map(
    (c, i) =>
      Math.max(24, ...c.label.split(" ").map(width), ...(c.type === "text" ? [] : cells.map((row) => width(row[i])))) +
      2 * PAD,
  );
  const natural = table.columns.map((_, i) =>
    Math.max(minimum[i], Math.min(220, Math.max(...cells.map((row) => width(row[i])))) + 2 * PAD),
  );
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  if (sum(natural) <= w.width) return natural;
  if (sum(minimum) >= w.width) return minimum.map((x) => (x * w.width) / sum(minimum));
  const k = (w.width - sum(minimum)) / (sum(natural) - sum(minimum));
  return natural.map((x, i) => minimum[i] + (x - minimum[i]) * k);
}

function drawRow(w: Writer, texts: string[], widths: number[], numeric: boolean[], font: PDFFont, fill?: boolean) {
  const lines = texts.map((text, i) => wrap(text, font, SIZE, widths[i] - 2 * PAD));
  const height = Math.max(...lines.map((l) => l.length)) * LINE + 2 * PAD - 2;
  const total = widths.reduce((s, x) => s + x, 0);
  if (fill) w.page.drawRectangle({ x: MARGIN, y: w.y - height, width: total, height, color: GREY });
  let x = MARGIN;
  lines.forEach((cellLines, i) => {
    cellLines.forEach((line, j) => {
      const lineWidth = font.widthOfTextAtSize(line, SIZE);
      const tx = numeric[i] ? x + widths[i] - PAD - lineWidth : x + PAD;
      w.page.drawText(line, { x: tx, y: w.y - PAD - SIZE - j * LINE + 1, size: SIZE, font, color: INK });
    });
    x += widths[i];
  });
  w.page.drawLine({
    start: { x: MARGIN, y: w.y - height },
    end: { x: MARGIN + total, y: w.y - height },
    thickness: 0.5,
    color: RULE,
  });
  return height;
}

function drawTable(w: Writer, table: ReportTable, locale: "pl" | "en", emptyText: string) {
  w.ensure(60);
  w.text(table.title, { size: 11, bold: true, gap: 4 });
  const body = table.rows.map((row) => table.columns.map((c) => formatCell(row[c.key] ?? null, c.type, locale)));
  const totals = table.totals
    ? table.columns.map((c) => formatCell(table.totals?.[c.key] ?? null, c.type, locale).replace(/^–$/, ""))
    : null;
  if (body.length === 0) {
    w.text(emptyText, { size: 9, gap: 10 });
    return;
  }
  const widths = columnWidths(w, table, [...body, ...(totals ? [totals] : [])]);
  const numeric = table.columns.map((c) => c.type !== "text");
  const header = table.columns.map((c) => c.label);
  const drawHeader = () => {
    const h = drawRow(w, header, widths, numeric, w.bold, true);
    w.y -= h;
  };
  drawHeader();
  for (const row of [...body, ...(totals ? [totals] : [])]) {
    const lines = Math.max(...row.map((text, i) => wrap(text, w.regular, SIZE, widths[i] - 2 * PAD).length));
    if (w.y - (lines * LINE + 2 * PAD) < MARGIN + 14) {
      w.newPage();
      drawHeader();
    }
    w.y -= drawRow(w, row, widths, numeric, row === totals ? w.bold : w.regular);
  }
  w.y -= 14;
}

/**
 * A PDF of the reports, A4 landscape: the partnership, the title, the period, the scope and the date of generation on
 * top, each table with its header repeated on every page, the definitions, and "page X of Y" at the foot.
 */
export async function toPdf(
  tables: ReportTable[],
  meta: ReportMeta,
  options: { locale: "pl" | "en"; pageLabel: (page: number, pages: number) => string; emptyText: string },
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await dejaVuFontFiles();
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  doc.setTitle(`${meta.title} – ${meta.partnership}`);
  doc.setAuthor(meta.partnership);
  doc.setLanguage(options.locale === "pl" ? "pl-PL" : "en-GB");

  const w = new Writer(doc, regular, bold);
  w.text(meta.partnership, { size: 14, bold: true });
  w.text(meta.title, { size: 12, bold: true, gap: 6 });
  for (const fact of meta.facts) w.text(`${fact.label}: ${fact.value}`, { size: 9, gap: 0 });
  w.y -= 12;
  for (const table of tables) drawTable(w, table, options.locale, options.emptyText);
  for (const note of meta.notes) w.text(note, { size: 8, gap: 3 });

  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const label = options.pageLabel(i + 1, pages.length);
    const width = regular.widthOfTextAtSize(label, 8);
    page.drawText(label, { x: PAGE[0] - MARGIN - width, y: MARGIN - 14, size: 8, font: regular, color: INK });
    page.drawText(meta.partnership, { x: MARGIN, y: MARGIN - 14, size: 8, font: regular, color: INK });
  });
  return doc.save({ useObjectStreams: false });
}
