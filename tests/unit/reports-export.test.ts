import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/reports/export/csv";
import { formatCell } from "@/lib/reports/export/format-cell";
import { toPdf } from "@/lib/reports/export/pdf";
import { toXlsx } from "@/lib/reports/export/xlsx";
import type { ReportTable } from "@/lib/reports/report-tables";

const table: ReportTable = {
  id: "utilisation",
  title: "Wykorzystanie zasobów",
  sheet: "Wykorzystanie",
  columns: [
    { key: "label", label: "Zasób", type: "text" },
    { key: "bookings", label: "Rezerwacje", type: "int" },
    { key: "hours", label: "Godziny", type: "hours" },
    { key: "utilisation", label: "Wykorzystanie", type: "percent" },
    { key: "change", label: "Zmiana", type: "points" },
    { key: "value", label: "Wartość", type: "money" },
  ],
  rows: [
    { label: "Sala „Pod Lipą”; duża", bookings: 3, hours: 7.5, utilisation: 0.1471, change: 0.0471, value: 1250 },
    { label: '=HYPERLINK("x")', bookings: 0, hours: 0, utilisation: null, change: null, value: -190.5 },
  ],
  totals: { label: "Razem", bookings: 3, hours: 7.5, utilisation: 0.1471, change: null, value: 1059.5 },
};

describe("report cells, the Polish way", () => {
  it("formats money, percentages, points and hours", () => {
    expect(formatCell(1250, "money")).toBe("1\u00a0250,00\u00a0zł");
    expect(formatCell(0.1471, "percent")).toBe("14,7%");
    expect(formatCell(0.0471, "points")).toBe("+4,7 p.p.");
    expect(formatCell(-0.02, "points")).toBe("-2 p.p.");
    expect(formatCell(7.25, "hours")).toBe("7,25");
    expect(formatCell(12000, "int")).toBe("12\u00a0000");
    expect(formatCell(null, "percent")).toBe("–");
    expect(formatCell(0.5, "percent", "en")).toBe("50%");
  });
});

describe("CSV for Polish Excel", () => {
  it("has a BOM, semicolons, decimal commas, CRLF, quoting and formula-safe text", () => {
    const csv = toCsv(table);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Zasób;Rezerwacje;Godziny;Wykorzystanie (%);Zmiana (p.p.);Wartość (zł)");
    expect(lines[1]).toBe('"Sala „Pod Lipą”; duża";3;7,5;14,71;4,71;1250,00');
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")";0;0;;;-190,50`);
    expect(lines[3]).toBe("Razem;3;7,5;14,71;;1059,50");
    expect(lines[4]).toBe("");
  });
});

describe("XLSX and PDF", () => {
  const meta = {
    partnership: "Bolesławieckie Partnerstwo Lokalne",
    title: "Raporty partnerstwa",
    coverSheet: "Opis",
    facts: [{ label: "Okres", value: "1 marca 2026 – 31 marca 2026" }],
    notes: ["Zażółć gęślą jaźń."],
  };

  it("writes a workbook with a cover sheet and real numbers with number formats", async () => {
    const bytes = await toXlsx([table], meta);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Opis", "Wykorzystanie"]);
    expect(book.worksheets[0].getCell("A1").value).toBe("Bolesławieckie Partnerstwo Lokalne");
    const sheet = book.worksheets[1];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Zasób",
      "Rezerwacje",
      "Godziny",
      "Wykorzystanie",
      "Zmiana",
      "Wartość",
    ]);
    expect(sheet.getCell("D2").value).toBe(0.1471);
    expect(sheet.getCell("D2").numFmt).toBe("0.0%");
    expect(sheet.getCell("F2").value).toBe(1250);
    expect(sheet.getCell("A4").value).toBe("Razem");
  });

  it("writes a PDF with the Polish letters embedded", async () => {
    const bytes = await toPdf([table, { ...table, id: "empty", rows: [], totals: undefined }], meta, {
      locale: "pl",
      pageLabel: (page, pages) => `Strona ${page} z ${pages}`,
      emptyText: "Brak danych.",
    });
    const text = Buffer.from(bytes).toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toContain("DejaVuSans");
    expect(bytes.length).toBeGreaterThan(5000);
  });
});
