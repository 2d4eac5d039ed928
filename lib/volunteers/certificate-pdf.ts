import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { dejaVuFontFiles } from "@/lib/pdf/fonts";
import type { CertificateData } from "./certificate";

/** A translator for the `volunteers.certificate.*` keys (next-intl's, or any function of the same shape). */
export type CertificateTranslate = (key: string, values?: Record<string, string | number>) => string;

// A4 portrait, in points.
const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.06, 0.09, 0.16);
const RULE = rgb(0.7, 0.72, 0.76);
const GREY = rgb(0.93, 0.94, 0.96);

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width || !line) {
        line = next;
        continue;
      }
      lines.push(line);
      line = word;
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
  readonly width = PAGE[0] - 2 * MARGIN;
  newPage() {
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }
  ensure(height: number) {
    if (this.y - height < MARGIN + 20) this.newPage();
  }
  text(text: string, { size = 11, bold = false, gap = 4, center = false } = {}) {
    const font = bold ? this.bold : this.regular;
    for (const line of wrap(text, font, size, this.width)) {
      this.ensure(size * 1.4);
      const x = center ? MARGIN + (this.width - font.widthOfTextAtSize(line, size)) / 2 : MARGIN;
      this.page.drawText(line, { x, y: this.y - size, size, font, color: INK });
      this.y -= size * 1.4;
    }
    this.y -= gap;
  }
}

/** Hours as people write them: `2`, `2,5`, `2,25` (Polish) or `2.5` (English). */
export function formatHours(hours: number, locale: "pl" | "en"): string {
  return new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", { maximumFractionDigits: 2 }).format(hours);
}

/** The town of a Polish address (`ul. Partnerska 1, 59-700 Bolesławiec` → `Bolesławiec`), if it has a postal code. */
export function placeOf(address: string | null): string | null {
  const match = address ? /\b\d{2}-\d{3}\s+([^,\n]+)/.exec(address) : null;
  return match ? match[1].trim() : null;
}

/** `15.03.2026` / `15/03/2026` for a local date. */
export function formatDay(date: string, locale: "pl" | "en"): string {
  const [y, m, d] = date.split("-");
  return locale === "pl" ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/**
 * The certificate of volunteer work as an A4 PDF: the organisation, the title, who and over which period, the
 * confirmed engagements (date, receiving organisation, work, hours) with the total, the place and date of issue and
 * a line for the signature.
 */
export async function certificatePdf(
  data: CertificateData,
  options: { locale: "pl" | "en"; t: CertificateTranslate },
): Promise<Uint8Array> {
  const { locale, t } = options;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await dejaVuFontFiles();
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  doc.setTitle(`${t("certificate.pdfTitle")} – ${data.volunteer.name}`);
  doc.setAuthor(data.organisation.name);
  doc.setLanguage(locale === "pl" ? "pl-PL" : "en-GB");

  const w = new Writer(doc, regular, bold);
  w.text(data.organisation.name, { size: 12, bold: true, gap: 0 });
  if (data.organisation.address) w.text(data.organisation.address, { size: 10, gap: 0 });
  w.y -= 28;
  w.text(t("certificate.pdfTitle"), { size: 15, bold: true, center: true, gap: 2 });
  w.text(t("certificate.pdfLegal"), { size: 9, center: true, gap: 20 });
  w.text(
    t("certificate.pdfStatement", {
      name: data.volunteer.name,
      organisation: data.organisation.name,
      from: formatDay(data.from, locale),
      to: formatDay(data.to, locale),
    }),
    { size: 11, gap: 14 },
  );

  const cols = [
    { label: t("certificate.colDate"), width: 70 },
    { label: t("certificate.colOrganisation"), width: 140 },
    { label: t("certificate.colWork"), width: w.width - 70 - 140 - 60 },
    { label: t("certificate.colHours"), width: 60, right: true },
  ];
  const size = 9;
  const pad = 4;
  const row = (cells: string[], font: PDFFont, fill = false) => {
    const lines = cells.map((c, i) => wrap(c, font, size, cols[i].width - 2 * pad));
    const height = Math.max(...lines.map((l) => l.length)) * (size + 3) + 2 * pad;
    w.ensure(height);
    if (fill) w.page.drawRectangle({ x: MARGIN, y: w.y - height, width: w.width, height, color: GREY });
    let x = MARGIN;
    lines.forEach((cellLines, i) => {
      cellLines.forEach((line, j) => {
        const lw = font.widthOfTextAtSize(line, size);
        const tx = cols[i].right ? x + cols[i].width - pad - lw : x + pad;
        w.page.drawText(line, { x: tx, y: w.y - pad - size - j * (size + 3) + 1, size, font, color: INK });
      });
      x += cols[i].width;
    });
    w.page.drawLine({
      start: { x: MARGIN, y: w.y - height },
      end: { x: MARGIN + w.width, y: w.y - height },
      thickness: 0.5,
      color: RULE,
    });
    w.y -= height;
  };

  if (data.lines.length === 0) {
    w.text(t("certificate.pdfNone"), { size: 10, gap: 10 });
  } else {
    row(
      cols.map((c) => c.label),
      bold,
      true,
    );
    for (const line of data.lines) {
      row(
        [formatDay(line.date, locale), line.receivingOrganisation, line.title, formatHours(line.hours, locale)],
        regular,
      );
    }
    row([t("certificate.colTotal"), "", "", formatHours(data.totalHours, locale)], bold);
    w.y -= 10;
  }
  w.text(t("certificate.pdfTotal", { hours: formatHours(data.totalHours, locale) }), { size: 11, bold: true, gap: 6 });
  w.text(t("certificate.pdfOnlyConfirmed"), { size: 9, gap: 40 });
  w.ensure(90);
  const town = placeOf(data.organisation.address);
  const issued = town
    ? t("certificate.pdfIssuedAt", { place: town, date: formatDay(data.issuedOn, locale) })
    : t("certificate.pdfIssued", { date: formatDay(data.issuedOn, locale) });
  w.text(issued, { size: 10, gap: 50 });
  const lineX = PAGE[0] - MARGIN - 200;
  w.page.drawLine({ start: { x: lineX, y: w.y }, end: { x: PAGE[0] - MARGIN, y: w.y }, thickness: 0.5, color: INK });
  const sign = t("certificate.pdfSignature");
  w.page.drawText(sign, {
    x: lineX + (200 - regular.widthOfTextAtSize(sign, 8)) / 2,
    y: w.y - 12,
    size: 8,
    font: regular,
    color: INK,
  });
  return doc.save({ useObjectStreams: false });
}
