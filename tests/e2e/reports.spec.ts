import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { expectAccessible, signIn } from "./helpers";

/** A `;`-separated CSV line with RFC 4180 quoting, as Polish Excel writes and reads it. */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** A Polish decimal ("1250,5") as a number. */
const plNumber = (text: string) => Number(text.replace(",", "."));

async function download(page: Page, name: string | RegExp) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path()) as string) };
}

test.describe("reports", () => {
  test("the coordinator picks the last quarter, sees charts and tables, and downloads CSV, XLSX and PDF", async ({
    page,
  }) => {
    await signIn(page, "koordynator@partnerstwo.test");
    await page.getByRole("link", { name: "Raporty" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Raporty" })).toBeVisible();
    await expect(page.getByText("Całe partnerstwo").first()).toBeVisible();

    await page.getByRole("link", { name: "Ostatni kwartał" }).click();
    await page.waitForURL(/preset=quarter/);
    await expect(page.getByRole("link", { name: "Ostatni kwartał" })).toHaveAttribute("aria-current", "true");
    const periodText = (await page.getByTestId("report-period-text").textContent()) ?? "";
    expect(periodText).toMatch(/^Okres: \d{1,2} \S+ \d{4} – \d{1,2} \S+ \d{4} \(9\d dni\)\./);

    // Utilisation: the chart (an image with a title and a summary) and the same figures in a table.
    await expect(page.getByRole("img", { name: "Wykorzystanie dostępnego czasu" })).toBeVisible();
    const table = page.getByRole("table", { name: "Wykorzystanie zasobów" });
    await expect(table).toBeVisible();
    const bodyRows = await table.locator("tbody tr").count();
    expect(bodyRows).toBeGreaterThan(10);
    const totalBookings = ((await table.locator("tfoot td").nth(3).textContent()) ?? "").trim();
    await expectAccessible(page);

    // CSV: BOM, semicolons, one line per row of the table, and the same total.
    const csv = await download(page, "CSV – Wykorzystanie zasobów");
    expect(csv.name).toMatch(/^wykorzystanie_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.subarray(3).toString("utf8").trimEnd().split("\r\n").map(parseCsvLine);
    expect(lines[0]).toEqual([
      "Zasób",
      "Rodzaj",
      "Właściciel",
      "Sztuki",
      "Rezerwacje",
      "Godziny zarezerwowane",
      "Godziny dostępne",
      "Wykorzystanie (%)",
      "Poprzedni okres (%)",
      "Zmiana (p.p.)",
    ]);
    // Journeys running beside this test may list new resources (with no use in the last quarter) between the page
    // and a download: each file has at least the page's rows and, below, the same totals.
    expect(lines.length).toBeGreaterThanOrEqual(1 + bodyRows + 1);
    const totals = lines[lines.length - 1];
    expect(totals[0]).toBe("Razem");
    expect(totals[4]).toBe(totalBookings.replace(/\s/g, ""));
    const booked = plNumber(totals[5]);
    const available = plNumber(totals[6]);
    expect(available).toBeGreaterThan(booked);
    expect(plNumber(totals[7])).toBeCloseTo((booked / available) * 100, 1);
    expect(lines.slice(1, -1).every((cells) => cells.length === 10 && /^\d+$/.test(cells[4]))).toBe(true);

    // XLSX of every report: a cover with the period and the date of generation, numbers as numbers.
    const xlsx = await download(page, "XLSX – Wszystkie raporty");
    expect(xlsx.name).toMatch(/^raporty_.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as never);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Opis",
      "Wykorzystanie",
      "Wymiana",
      "Kto komu użyczył",
      "Wkład – podsumowanie",
      "Wkład – zestawienie",
      "Prośby",
      "Czas do decyzji",
      "Mało wykorzystane",
    ]);
    const cover = book.worksheets[0];
    expect(cover.getCell("A1").value).toBe("Bolesławieckie Partnerstwo Lokalne – „Aktywni z pasją”");
    expect(cover.getCell("A4").value).toBe("Okres");
    expect(periodText).toContain(String(cover.getCell("B4").value));
    expect(cover.getCell("A7").value).toBe("Wygenerowano");
    const sheet = book.getWorksheet("Wykorzystanie");
    expect(sheet?.rowCount ?? 0).toBeGreaterThanOrEqual(1 + bodyRows + 1);
    const sheetTotals = sheet?.getRow(sheet.rowCount);
    expect(sheetTotals?.getCell(1).value).toBe("Razem");
    expect(sheetTotals?.getCell(5).value).toBe(Number(totalBookings.replace(/\s/g, "")));
    expect(typeof sheet?.getCell("H2").value).toBe("number");
    const inKind = book.getWorksheet("Wkład – zestawienie");
    expect(inKind?.getCell("I1").value).toBe("Podstawa wyceny");
    expect(Number(inKind?.getCell(`H${inKind.rowCount}`).value)).toBeGreaterThan(0);

    // A real PDF of every report.
    const pdf = await download(page, "PDF – Wszystkie raporty");
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");

    // The other reports, each with its chart and table, all passing axe.
    await page.getByRole("link", { name: "Wymiana między partnerami" }).click();
    await expect(page.getByRole("img", { name: "Kto komu użyczył" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Wymiana według partnerów" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Kto komu użyczył – te same liczby w tabeli" })).toBeVisible();
    expect(page.url()).toContain("from=");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Wkład niefinansowy" }).click();
    await expect(page.getByRole("table", { name: "Zestawienie wkładu niefinansowego" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Wartość wkładu niefinansowego" })).toBeVisible();
    await expect(page.getByText("Stawki przyjęte przez partnerstwo, uchwała 1/2026").first()).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Prośby i decyzje" }).click();
    await expect(page.getByRole("img", { name: "Prośby według tego, co się z nimi stało" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Zasoby wykorzystane w mniej niż 10%" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Stawki wyceny" }).click();
    await expect(page.getByRole("heading", { name: "Dodaj stawkę" })).toBeVisible();
    const premisesRates = page.getByTestId("rates-premises_hour");
    await expect(premisesRates).toContainText("60,00 zł");
    await expectAccessible(page);

    // A new rate: a wrong amount is refused with the field named, the typed values kept; then added and removed.
    await page.getByLabel("Czego dotyczy stawka").selectOption({ label: "Lokal – za godzinę" });
    await page.getByLabel("Stawka (zł)").fill("sześćdziesiąt");
    await page.getByLabel("Obowiązuje od").fill("2027-01-01");
    await page.getByLabel("Podstawa (źródło stawki)").fill("Uchwała 5/2026");
    await page.getByRole("button", { name: "Dodaj stawkę" }).click();
    await expect(page.getByText("Podaj kwotę w złotych, np. 31,40").first()).toBeVisible();
    await expect(page.getByLabel("Podstawa (źródło stawki)")).toHaveValue("Uchwała 5/2026");
    await expectAccessible(page);
    await page.getByLabel("Stawka (zł)").fill("65,00");
    await page.getByRole("button", { name: "Dodaj stawkę" }).click();
    await expect(page.getByText("Dodano stawkę.")).toBeVisible();
    await expect(premisesRates).toContainText("1 stycznia 2027");
    await expect(premisesRates).toContainText("od przyszłego dnia");
    await page.getByRole("button", { name: /^Usuń stawkę: Lokal – za godzinę, 65,00/ }).click();
    await page.getByRole("button", { name: "Tak, usuń" }).click();
    await expect(premisesRates).not.toContainText("1 stycznia 2027");

    await page.goto("/reports?preset=quarter");
    await page.getByRole("link", { name: "Wersja do druku" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Raporty partnerstwa" })).toBeVisible();
    await expect(page.getByText("Wygenerowano")).toBeVisible();
    await expectAccessible(page);
  });

  test("an organisation's admin sees only its own figures (on a phone)", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "caritas@partnerstwo.test");
    await page.goto("/reports?preset=quarter&groupBy=organisation");
    await expect(
      page.getByText("Dane Twojej organizacji: Caritas przy Parafii Wniebowzięcia NMP i św. Mikołaja"),
    ).toBeVisible();
    const rows = page.getByRole("table", { name: "Wykorzystanie zasobów" }).locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Caritas");
    await expect(page.getByLabel("Partner")).toHaveCount(0);
    await expectAccessible(page);

    const own = await page.request.get(
      "/api/v1/reports/utilisation?from=2026-01-01&to=2026-12-31&groupBy=organisation",
    );
    expect(own.status()).toBe(200);
    expect((await own.json()).rows.map((r: { key: string }) => r.key)).toEqual(["caritas"]);
    const other = await page.request.get("/api/v1/reports/in-kind?from=2026-01-01&to=2026-12-31&organisation=mops");
    expect(other.status()).toBe(403);

    await page.getByRole("link", { name: "Wymiana między partnerami" }).click();
    const cells = page.getByRole("table", { name: "Kto komu użyczył – te same liczby w tabeli" }).locator("tbody tr");
    for (const text of await cells.allInnerTexts()) expect(text).toContain("Caritas");
    await expectAccessible(page);

    // The same page in English.
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Who lent to whom – the same figures as a table" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a member gets 403: no Raporty in the menu, a refusal on the page and from the API", async ({ page }) => {
    await signIn(page, "caritas.czlonek@partnerstwo.test");
    await expect(page.getByRole("link", { name: "Raporty" })).toHaveCount(0);
    await page.goto("/reports");
    await expect(page.getByRole("heading", { name: "Brak dostępu do raportów (403)" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expectAccessible(page);
    const api = await page.request.get("/api/v1/reports/utilisation?from=2026-01-01&to=2026-03-31");
    expect(api.status()).toBe(403);
    const file = await page.request.get("/api/v1/reports/export?from=2026-01-01&to=2026-03-31&format=xlsx");
    expect(file.status()).toBe(403);
  });
});
