import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exchangeRoute from "@/app/api/v1/reports/exchange/route";
import * as exportRoute from "@/app/api/v1/reports/export/route";
import * as funnelRoute from "@/app/api/v1/reports/funnel/route";
import * as inKindRoute from "@/app/api/v1/reports/in-kind/route";
import * as utilisationRoute from "@/app/api/v1/reports/utilisation/route";
import { provideDatabase } from "@/db/client";
import type { DatabaseHandle } from "@/db/connect";
import type { organisations } from "@/db/schema";
import { createApiToken } from "@/lib/auth/api-tokens";
import { addRateCard } from "@/lib/reports/add-rate-card";
import { apiMember, call } from "../helpers/api";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createBooking, createMember, createOrganisation, createResource } from "../helpers/factories";

let h: DatabaseHandle;
type Org = typeof organisations.$inferSelect;
let lender: Org;
let borrower: Org;
let coordinatorToken: string;
let adminToken: string;
let borrowerAdminToken: string;
let memberToken: string;

/** Summer time in Warsaw. */
const w = (local: string) => new Date(`${local.replace(" ", "T")}:00+02:00`);

beforeAll(async () => {
  h = await createTestDatabase();
  provideDatabase(h);
  const leader = await createOrganisation(h.db, { name: "MOPS testowy", isLeader: true, slug: "mops-test" });
  lender = await createOrganisation(h.db, { name: "Użyczający „Razem”", slug: "uzyczajacy" });
  borrower = await createOrganisation(h.db, { name: "Korzystający", slug: "korzystajacy" });
  const coordinator = await createMember(h.db, leader.id, "member", { coordinator: true });
  coordinatorToken = (await createApiToken(h.db, coordinator.actor, { name: "raporty" })).token;
  adminToken = (await apiMember(h.db, lender.id, "admin")).token;
  borrowerAdminToken = (await apiMember(h.db, borrower.id, "admin")).token;
  memberToken = (await apiMember(h.db, lender.id, "member")).token;

  await addRateCard(h.db, coordinator.actor, {
    scope: "category:premises_hour",
    amount: "60,00",
    validFrom: "2026-01-01",
    source: "Uchwała 1/2026",
  });
  const room = await createResource(h.db, lender.id, { name: "Sala; duża" });
  await createResource(h.db, borrower.id, { name: "Świetlica K" }); // never booked
  const chairs = await createResource(h.db, lender.id, { name: "Krzesła", kind: "equipment", quantity: 4 });
  // June: 720 h always open. The room: 3 h (one booking), the chairs: 2 units × 6 h = 12 unit-hours.
  await createBooking(h.db, {
    resourceId: room.id,
    organisationId: borrower.id,
    start: w("2026-06-10 10:00"),
    end: w("2026-06-10 13:00"),
    purpose: "Festyn",
  });
  await createBooking(h.db, {
    resourceId: chairs.id,
    organisationId: borrower.id,
    start: w("2026-06-11 08:00"),
    end: w("2026-06-11 14:00"),
    quantity: 2,
  });
});
afterAll(async () => {
  await h?.close();
});

const june = "from=2026-06-01&to=2026-06-30";

describe(`reports API (${testDriver})`, () => {
  it("GET /api/v1/reports/utilisation answers rows and totals with decimal hours and a fraction", async () => {
    const r = await call(utilisationRoute.GET, {
      path: `/api/v1/reports/utilisation?${june}&groupBy=organisation`,
      token: coordinatorToken,
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ from: "2026-06-01", to: "2026-06-30", groupBy: "organisation" });
    const row = r.json.rows.find((x: { key: string }) => x.key === "uzyczajacy");
    // Room 3 h of 720; chairs 12 unit-hours of 4 × 720 → 3 h of 720. Together 6 of 1440.
    expect(row).toMatchObject({
      key: "uzyczajacy",
      label: "Użyczający „Razem”",
      bookings: 2,
      bookedHours: 6,
      availableHours: 1440,
      utilisation: 0.0042,
    });
    expect(r.json.rows.find((x: { key: string }) => x.key === "korzystajacy")).toMatchObject({
      bookings: 0,
      bookedHours: 0,
      availableHours: 720,
      utilisation: 0,
    });
    expect(r.json.totals).toMatchObject({ bookings: 2, bookedHours: 6, availableHours: 2160, utilisation: 0.0028 });
    expect(r.headers.get("cache-control")).toBe("no-store");

    const byKind = await call(utilisationRoute.GET, {
      path: `/api/v1/reports/utilisation?${june}&groupBy=kind`,
      token: coordinatorToken,
      headers: { "accept-language": "pl" },
    });
    expect(byKind.json.rows.map((x: { key: string; label: string }) => [x.key, x.label]).sort()).toEqual([
      ["equipment", "Sprzęt"],
      ["premises", "Lokal"],
    ]);
  });

  it("GET /api/v1/reports/in-kind values the lending at the rate cards", async () => {
    const r = await call(inKindRoute.GET, { path: `/api/v1/reports/in-kind?${june}`, token: coordinatorToken });
    expect(r.status).toBe(200);
    // 3 h × 60 zł; the chairs have no rate (no equipment rate card): listed apart.
    expect(r.json.rows).toEqual([
      expect.objectContaining({ key: "uzyczajacy", value: 180, premisesHours: 3, equipmentUnitDays: 2, unvalued: 1 }),
    ]);
    expect(r.json.unvalued).toHaveLength(1);
    const byPurpose = await call(inKindRoute.GET, {
      path: `/api/v1/reports/in-kind?${june}&groupBy=purpose`,
      token: coordinatorToken,
    });
    expect(byPurpose.json.rows.map((x: { key: string }) => x.key).sort()).toEqual(["", "festyn"]);
  });

  it("exchange and funnel answer for the coordinator and for a party's admin", async () => {
    const exchange = await call(exchangeRoute.GET, { path: `/api/v1/reports/exchange?${june}`, token: adminToken });
    expect(exchange.status).toBe(200);
    expect(exchange.json.matrix).toEqual([
      { lender: "uzyczajacy", borrower: "korzystajacy", bookings: 2, hours: 9, value: 180 },
    ]);
    expect(exchange.json.onlyGive).toEqual(["uzyczajacy"]);
    const funnel = await call(funnelRoute.GET, { path: `/api/v1/reports/funnel?${june}`, token: coordinatorToken });
    expect(funnel.status).toBe(200);
    expect(funnel.json).toHaveProperty("medianDecisionHours");
  });

  it("an admin sees only its organisation; a member gets 403; nobody gets 401; bad input gets 400", async () => {
    const admin = await call(utilisationRoute.GET, {
      path: `/api/v1/reports/utilisation?${june}&groupBy=organisation`,
      token: borrowerAdminToken,
    });
    expect(admin.status).toBe(200);
    expect(admin.json.rows.map((x: { key: string }) => x.key)).toEqual(["korzystajacy"]);
    const other = await call(utilisationRoute.GET, {
      path: `/api/v1/reports/utilisation?${june}&organisation=uzyczajacy`,
      token: borrowerAdminToken,
    });
    expect(other.status).toBe(403);
    for (const route of [utilisationRoute, inKindRoute, exchangeRoute, funnelRoute, exportRoute]) {
      const member = await call(route.GET, { path: `/api/v1/reports/x?${june}`, token: memberToken });
      expect(member.status).toBe(403);
      expect(member.json.error.code).toBe("forbidden");
      const anonymous = await call(route.GET, { path: `/api/v1/reports/x?${june}` });
      expect(anonymous.status).toBe(401);
    }
    const bad = await call(utilisationRoute.GET, {
      path: "/api/v1/reports/utilisation?from=2026-06-31&to=2026-06-01&groupBy=colour",
      token: coordinatorToken,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["from", "groupBy"]);
  });
});

describe(`report downloads (${testDriver})`, () => {
  const download = async (query: string, token = coordinatorToken) => {
    const request = new Request(`http://localhost/api/v1/reports/export?${june}&${query}`, {
      headers: { authorization: `Bearer ${token}`, "accept-language": "pl" },
    });
    return exportRoute.GET(request, { params: Promise.resolve({}) });
  };

  it("CSV: UTF-8 with BOM, semicolons, decimal commas, an attachment named after the report and period", async () => {
    const response = await download("report=utilisation&format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="wykorzystanie_2026-06-01_2026-06-30.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Zasób;Rodzaj;Właściciel;Sztuki;Rezerwacje;Godziny zarezerwowane;Godziny dostępne;Wykorzystanie (%);Poprzedni okres (%);Zmiana (p.p.)",
    );
    expect(lines).toContain('"Sala; duża";Lokal;Użyczający „Razem”;1;1;3;720;0,42;0;0,42');
    expect(lines).toContain("Krzesła;Sprzęt;Użyczający „Razem”;4;1;3;720;0,42;0;0,42");
    expect(lines).toContain("Świetlica K;Lokal;Korzystający;1;0;0;720;0;0;0");
    expect(lines.at(-1)).toBe("Razem;;;;2;6;2160;0,28;0;0,28");
  });

  it("XLSX: a cover with the period and a sheet per report, numbers as numbers", async () => {
    const response = await download("report=all&format=xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("raporty_2026-06-01_2026-06-30.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const names = book.worksheets.map((s) => s.name);
    expect(names).toEqual([
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
    expect(book.worksheets[0].getCell("A2").value).toBe("Raporty partnerstwa");
    const cover = book.worksheets[0];
    const facts = Object.fromEntries(
      [4, 5, 6, 7].map((n) => [String(cover.getCell(`A${n}`).value), String(cover.getCell(`B${n}`).value)]),
    );
    expect(facts.Okres).toBe("1 czerwca 2026 – 30 czerwca 2026");
    expect(facts["Zakres danych"]).toBe("Całe partnerstwo");
    expect(facts.Wygenerowano).toMatch(/2\d{3}, \d{2}:\d{2}$/);
    const lines = book.getWorksheet("Wkład – zestawienie");
    expect(lines?.getCell("H2").value).toBe(180);
    expect(lines?.getCell("C2").value).toBe("rzeczowy");
  });

  it("PDF: a real PDF file; CSV of everything at once is refused", async () => {
    const pdf = await download("report=all&format=pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const refused = await download("report=all&format=csv");
    expect(refused.status).toBe(400);
  });

  it("an admin's download holds only its organisation's figures", async () => {
    const response = await download("report=utilisation&format=csv&groupBy=organisation", borrowerAdminToken);
    const text = new TextDecoder().decode(await response.arrayBuffer());
    expect(text).toContain("Korzystający;0;0;720;0;0;0");
    expect(text).not.toContain("Użyczający");
  });
});
