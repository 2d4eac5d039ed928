import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteBlackout } from "@/app/api/v1/blackouts/[id]/route";
import { GET as getAvailability } from "@/app/api/v1/resources/[id]/availability/route";
import { POST as postBlackout } from "@/app/api/v1/resources/[id]/blackouts/route";
import { DELETE as deleteOne, GET as getOne, PATCH as patchOne } from "@/app/api/v1/resources/[id]/route";
import { GET as getSlots } from "@/app/api/v1/resources/[id]/slots/route";
import { POST as create, GET as list } from "@/app/api/v1/resources/route";
import { provideDatabase } from "@/db/client";
import type { DatabaseHandle } from "@/db/connect";
import { auditLog, blackouts, openingHours, type organisations, resources } from "@/db/schema";
import { createApiToken } from "@/lib/auth/api-tokens";
import { localInstant } from "@/lib/domain/wall-clock";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createBooking, createMember, createOrganisation } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  // The route wrapper reads the process-wide database; point it at this file's own.
  provideDatabase(h);
});
afterAll(async () => {
  await h?.close();
});

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
interface Call {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field
  body: any;
}

/** Calls a route handler as Next.js would: a Request and a context whose params are a promise. */
async function call(
  handler: Handler,
  options: { token?: string; path?: string; method?: string; body?: unknown; raw?: string; id?: string } = {},
): Promise<Call> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const request = new Request(`http://localhost${options.path ?? "/api/v1/resources"}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const params: Record<string, string> = options.id ? { id: options.id } : {};
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const SAT = "2030-06-01"; // a Saturday (CEST, +02:00)
const at = (date: string, hhmm: string) => localInstant(date, hhmm);
/** `?from=&to=` with the offset written out, as a client in Poland would send it (the `+` URL-encoded). */
const windowQuery = (date: string, from: string, to: string) =>
  `from=${encodeURIComponent(`${date}T${from}:00+02:00`)}&to=${encodeURIComponent(`${date}T${to}:00+02:00`)}`;

async function rowCounts() {
  const n = async (table: typeof resources | typeof openingHours | typeof blackouts | typeof auditLog) =>
    Number((await h.db.select({ n: count() }).from(table))[0].n);
  return {
    resources: await n(resources),
    hours: await n(openingHours),
    blackouts: await n(blackouts),
    audit: await n(auditLog),
  };
}

const hall = {
  kind: "premises",
  name: "Świetlica Caritas",
  description: "Sala na parterze",
  capacity: 40,
  bookingMode: "approval",
  openingHours: [{ weekday: 6, start: "08:00", end: "16:00" }],
  bufferMinutes: 30,
  minMinutes: 60,
  maxMinutes: 480,
};

describe(`resources API (${testDriver})`, () => {
  let orgA: typeof organisations.$inferSelect;
  let orgB: typeof organisations.$inferSelect;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    orgA = await createOrganisation(h.db, { name: "Caritas API" });
    orgB = await createOrganisation(h.db, { name: "Razem API" });
    const memberA = (await createMember(h.db, orgA.id, "member")).actor;
    const memberB = (await createMember(h.db, orgB.id, "member")).actor;
    tokenA = (await createApiToken(h.db, memberA, { name: "test A" })).token;
    tokenB = (await createApiToken(h.db, memberB, { name: "test B" })).token;
  });

  it("answers 401 without a token or with a wrong one, and writes nothing", async () => {
    const before = await rowCounts();
    const id = "00000000-0000-4000-8000-000000000000";
    const calls: [Handler, Parameters<typeof call>[1]][] = [
      [list, {}],
      [create, { body: hall }],
      [getOne, { id }],
      [patchOne, { id, method: "PATCH", body: { name: "X" } }],
      [deleteOne, { id, method: "DELETE" }],
      [getAvailability, { id, path: `/api/v1/resources/${id}/availability?${windowQuery(SAT, "08:00", "10:00")}` }],
      [postBlackout, { id, body: { start: "2030-06-01T08:00:00Z", end: "2030-06-01T10:00:00Z", reason: "x" } }],
      [deleteBlackout, { id, method: "DELETE" }],
    ];
    for (const [handler, options] of calls) {
      const anonymous = await call(handler, options);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe("unauthenticated");
      expect((await call(handler, { ...options, token: "wsp_not-a-real-token" })).status).toBe(401);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("creates a resource owned by the caller's organisation: 201 with the resource", async () => {
    const { status, body } = await call(create, { token: tokenA, body: hall });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      id: expect.any(String),
      kind: "premises",
      name: "Świetlica Caritas",
      capacity: 40,
      quantity: 1,
      bookingMode: "approval",
      status: "active",
      organisation: { slug: orgA.slug, name: "Caritas API" },
      openingHours: [{ weekday: 6, start: "08:00", end: "16:00" }],
    });
    const [row] = await h.db.select().from(resources).where(eq(resources.id, body.id));
    expect(row.organisationId).toBe(orgA.id);
  });

  it("answers 400 with the fields for bad bodies, never 500, and writes nothing", async () => {
    const before = await rowCounts();
    const bad: [unknown, string][] = [
      [{ ...hall, colour: "red" }, "body"],
      [{ ...hall, name: 5 }, "name"],
      [{ ...hall, capacity: "many" }, "capacity"],
      [{ ...hall, bookingMode: true }, "bookingMode"],
      [{ ...hall, openingHours: [{ weekday: 8, start: "08:00", end: "16:00" }] }, "openingHours.0.weekday"],
      [{ ...hall, openingHours: [{ weekday: 1, start: "08:00", end: "25:00" }] }, "openingHours.0.end"],
      [{ ...hall, openingHours: "weekdays" }, "openingHours"],
      [{ ...hall, minMinutes: 120, maxMinutes: 60 }, "maxMinutes"],
      [{ ...hall, quantity: 5 }, "quantity"],
      [{ ...hall, details: { pickup: "magazyn" } }, "details"],
      [{ ...hall, kind: undefined }, "kind"],
      [{ ...hall, inKindRate: 1e9 }, "inKindRate"],
    ];
    for (const [body, field] of bad) {
      const res = await call(create, { token: tokenA, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("validation");
      expect(Object.keys(res.body.error.fields), JSON.stringify(res.body)).toContain(field);
      expect(typeof res.body.error.fields[field]).toBe("string");
    }
    for (const raw of ["{not json", "null", "[1,2]", '"text"']) {
      const res = await call(create, { token: tokenA, raw });
      expect(res.status, raw).toBe(400);
      expect(res.body.error.code).toBe("validation");
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("lists with filters and finds text without Polish letters", async () => {
    await call(create, {
      token: tokenA,
      body: { kind: "equipment", name: "Krzesła składane", quantity: 120, bookingMode: "instant" },
    });
    await call(create, {
      token: tokenB,
      body: { kind: "premises", name: "Łódzka sala prób", capacity: 15, bookingMode: "instant" },
    });
    const found = await call(list, { token: tokenB, path: "/api/v1/resources?q=swietlica" });
    expect(found.status).toBe(200);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({
      id: expect.any(String),
      kind: "premises",
      name: "Świetlica Caritas",
      organisation: { slug: orgA.slug, name: "Caritas API" },
      capacity: 40,
      quantity: 1,
      bookingMode: "approval",
    });
    const names = async (query: string) =>
      (await call(list, { token: tokenB, path: `/api/v1/resources?${query}` })).body.items.map(
        (i: { name: string }) => i.name,
      );
    expect(await names("q=LODZKA")).toEqual(["Łódzka sala prób"]);
    expect(await names(`owner=${orgA.slug}`)).toEqual(["Krzesła składane", "Świetlica Caritas"]);
    expect(await names(`owner=${orgA.slug}&kind=equipment`)).toEqual(["Krzesła składane"]);
    expect(await names("kind=premises&minCapacity=20")).toEqual(["Świetlica Caritas"]);
    expect(await names("minQuantity=100")).toEqual(["Krzesła składane"]);
    expect(await names("kind=&q=&owner=")).toHaveLength(3);

    for (const [query, field] of [
      ["kind=car", "kind"],
      ["minCapacity=lots", "minCapacity"],
      [`from=${encodeURIComponent("2030-06-01T10:00:00+02:00")}`, "to"],
      ["from=2030-06-01&to=2030-06-02", "from"],
      [windowQuery(SAT, "14:00", "10:00"), "to"],
    ]) {
      const res = await call(list, { token: tokenB, path: `/api/v1/resources?${query}` });
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.error.fields)).toContain(field);
    }
  });

  it("dates first: lists a hall for a window it is open and free in, and not otherwise", async () => {
    const { body: created } = await call(create, {
      token: tokenA,
      body: { ...hall, name: "Sala sobotnia API" },
    });
    const listed = async (query: string) =>
      (await call(list, { token: tokenB, path: `/api/v1/resources?q=sobotnia&${query}` })).body.items.map(
        (i: { name: string }) => i.name,
      );
    expect(await listed(windowQuery(SAT, "10:00", "14:00"))).toEqual(["Sala sobotnia API"]);
    expect(await listed(windowQuery(SAT, "15:00", "17:00"))).toEqual([]);
    await createBooking(h.db, {
      resourceId: created.id,
      organisationId: orgB.id,
      start: at(SAT, "14:10"),
      end: at(SAT, "15:00"),
    });
    // 10:00–14:00 plus its 30-minute buffer would reach 14:30.
    expect(await listed(windowQuery(SAT, "10:00", "14:00"))).toEqual([]);
    expect(await listed(windowQuery(SAT, "08:00", "13:30"))).toEqual(["Sala sobotnia API"]);
    const item = (
      await call(list, { token: tokenB, path: `/api/v1/resources?q=sobotnia&${windowQuery(SAT, "08:00", "13:30")}` })
    ).body.items[0];
    expect(item).toMatchObject({ freeUnits: 1, ruleViolations: [] });
  });

  it("reads one resource: 200 for a visible one, 404 for an unknown, malformed or another partner's archived id", async () => {
    const { body: created } = await call(create, { token: tokenA, body: { ...hall, name: "Sala do odczytu" } });
    const seen = await call(getOne, { token: tokenB, id: created.id });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      id: created.id,
      name: "Sala do odczytu",
      canManage: false,
      blackouts: [],
      openingHours: [{ weekday: 6, start: "08:00", end: "16:00" }],
      organisation: { slug: orgA.slug },
    });
    expect((await call(getOne, { token: tokenA, id: created.id })).body.canManage).toBe(true);
    expect((await call(getOne, { token: tokenB, id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await call(getOne, { token: tokenB, id: "not-an-id" })).status).toBe(404);

    const archived = await call(deleteOne, { token: tokenA, id: created.id, method: "DELETE" });
    expect(archived).toEqual({ status: 200, body: { id: created.id, status: "archived", futureBookings: 0 } });
    const gone = await call(getOne, { token: tokenB, id: created.id });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("not_found");
    expect((await call(getOne, { token: tokenA, id: created.id })).body.status).toBe("archived");
  });

  it("changes only the caller's own resources: 200, 403 for a partner's active one, 404 for an invisible one", async () => {
    const { body: created } = await call(create, { token: tokenA, body: { ...hall, name: "Sala do zmiany" } });
    const patched = await call(patchOne, {
      token: tokenA,
      id: created.id,
      method: "PATCH",
      body: { name: "Sala po zmianie", openingHours: [{ weekday: 5, start: "16:00", end: "24:00" }] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      id: created.id,
      name: "Sala po zmianie",
      capacity: 40,
      openingHours: [{ weekday: 5, start: "16:00", end: "24:00" }],
    });

    const before = await rowCounts();
    const forbidden = await call(patchOne, { token: tokenB, id: created.id, method: "PATCH", body: { name: "Cudza" } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("forbidden");
    expect((await call(deleteOne, { token: tokenB, id: created.id, method: "DELETE" })).status).toBe(403);
    for (const body of [{ status: "archived" }, {}, { minMinutes: 600 }, { capacity: 0 }]) {
      const res = await call(patchOne, { token: tokenA, id: created.id, method: "PATCH", body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call(patchOne, { token: tokenA, id: unknown, method: "PATCH", body: { name: "X" } })).status).toBe(
      404,
    );
    expect((await call(deleteOne, { token: tokenA, id: unknown, method: "DELETE" })).status).toBe(404);
    expect(await rowCounts()).toEqual(before);

    await call(deleteOne, { token: tokenA, id: created.id, method: "DELETE" });
    expect((await call(patchOne, { token: tokenB, id: created.id, method: "PATCH", body: { name: "X" } })).status).toBe(
      404,
    );
    const [row] = await h.db.select().from(resources).where(eq(resources.id, created.id));
    expect(row.name).toBe("Sala po zmianie");
  });

  it("availability: free and busy as ISO strings, purposes kept private", async () => {
    const { body: created } = await call(create, { token: tokenA, body: { ...hall, name: "Sala z kalendarzem" } });
    await createBooking(h.db, {
      resourceId: created.id,
      organisationId: orgB.id,
      start: at(SAT, "10:00"),
      end: at(SAT, "12:00"),
      purpose: "Próba chóru",
    });
    const path = `/api/v1/resources/${created.id}/availability?${windowQuery(SAT, "00:00", "23:00")}`;
    const res = await call(getAvailability, { token: tokenA, id: created.id, path });
    expect(res.status).toBe(200);
    expect(res.body.busy).toEqual([
      { start: at(SAT, "10:00").toISOString(), end: at(SAT, "12:00").toISOString(), quantity: 1 },
    ]);
    expect(res.body.free).toEqual([
      { start: at(SAT, "08:00").toISOString(), end: at(SAT, "09:30").toISOString(), quantity: 1 },
      { start: at(SAT, "12:30").toISOString(), end: at(SAT, "16:00").toISOString(), quantity: 1 },
    ]);
    expect(res.body.bookings[0]).toMatchObject({
      purpose: "Próba chóru",
      mine: false,
      organisation: { slug: orgB.slug },
    });

    const outsider = (await createMember(h.db, (await createOrganisation(h.db)).id, "member")).actor;
    const tokenC = (await createApiToken(h.db, outsider, { name: "C" })).token;
    const forC = await call(getAvailability, { token: tokenC, id: created.id, path });
    expect(forC.status).toBe(200);
    expect(forC.body.busy).toHaveLength(1);
    expect(forC.body.bookings[0]).toEqual({
      id: expect.any(String),
      start: at(SAT, "10:00").toISOString(),
      end: at(SAT, "12:00").toISOString(),
      quantity: 1,
      status: "approved",
      mine: false,
    });
    expect(JSON.stringify(forC.body)).not.toContain("Próba chóru");

    const reversed = `/api/v1/resources/${created.id}/availability?${windowQuery(SAT, "12:00", "10:00")}`;
    expect((await call(getAvailability, { token: tokenA, id: created.id, path: reversed })).status).toBe(400);
    const missing = `/api/v1/resources/${created.id}/availability`;
    expect((await call(getAvailability, { token: tokenA, id: created.id, path: missing })).status).toBe(400);
    expect((await call(getAvailability, { token: tokenA, id: "nope", path })).status).toBe(404);
  });

  it("blackouts: the owner adds (201) and removes them; a partner gets 403; bad input 400", async () => {
    const { body: created } = await call(create, { token: tokenA, body: { ...hall, name: "Sala z remontem" } });
    const path = `/api/v1/resources/${created.id}/blackouts`;
    const period = { start: `${SAT}T00:00:00+02:00`, end: "2030-06-02T00:00:00+02:00", reason: "Remont" };
    const before = await rowCounts();
    expect((await call(postBlackout, { token: tokenB, id: created.id, path, body: period })).status).toBe(403);
    for (const body of [
      { ...period, reason: "" },
      { ...period, end: period.start },
      { ...period, start: "jutro" },
      { ...period, extra: 1 },
    ]) {
      expect(
        (await call(postBlackout, { token: tokenA, id: created.id, path, body })).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect(await rowCounts()).toEqual(before);

    const added = await call(postBlackout, { token: tokenA, id: created.id, path, body: period });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      id: expect.any(String),
      resourceId: created.id,
      start: at(SAT, "00:00").toISOString(),
      reason: "Remont",
      affectedBookings: 0,
    });
    const q = `?q=remontem&${windowQuery(SAT, "10:00", "12:00")}`;
    expect((await call(list, { token: tokenB, path: `/api/v1/resources${q}` })).body.items).toEqual([]);

    const one = `/api/v1/blackouts/${added.body.id}`;
    expect((await call(deleteBlackout, { token: tokenB, id: added.body.id, path: one, method: "DELETE" })).status).toBe(
      403,
    );
    expect(await call(deleteBlackout, { token: tokenA, id: added.body.id, path: one, method: "DELETE" })).toEqual({
      status: 200,
      body: { id: added.body.id, deleted: true },
    });
    expect((await call(deleteBlackout, { token: tokenA, id: added.body.id, path: one, method: "DELETE" })).status).toBe(
      404,
    );
    expect((await call(list, { token: tokenB, path: `/api/v1/resources${q}` })).body.items).toHaveLength(1);
  });

  it("next free slots", async () => {
    const { body: created } = await call(create, {
      token: tokenA,
      body: { kind: "expertise", name: "Porady API", bookingMode: "instant" },
    });
    const res = await call(getSlots, {
      token: tokenB,
      id: created.id,
      path: `/api/v1/resources/${created.id}/slots?durationMinutes=90&count=2`,
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    const [first, second] = res.body.items.map((s: { start: string; end: string }) => ({
      start: new Date(s.start).getTime(),
      end: new Date(s.end).getTime(),
    }));
    expect(first.end - first.start).toBe(90 * 60_000);
    expect(second.start).toBe(first.end);
    expect(first.start).toBeGreaterThanOrEqual(Date.now() - 60_000);
    const bad = await call(getSlots, {
      token: tokenB,
      id: created.id,
      path: `/api/v1/resources/${created.id}/slots?durationMinutes=0`,
    });
    expect(bad.status).toBe(400);
  });
});
