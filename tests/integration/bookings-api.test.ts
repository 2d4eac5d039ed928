/** The HTTP contract of /api/v1/bookings, as clients rely on it: status codes, JSON shapes, languages, access. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as approve } from "@/app/api/v1/bookings/[id]/approve/route";
import { POST as cancel } from "@/app/api/v1/bookings/[id]/cancel/route";
import { POST as decline } from "@/app/api/v1/bookings/[id]/decline/route";
import { POST as handover } from "@/app/api/v1/bookings/[id]/handover/route";
import { GET as getOne } from "@/app/api/v1/bookings/[id]/route";
import { POST as create, GET as list } from "@/app/api/v1/bookings/route";
import { provideDatabase } from "@/db/client";
import type { DatabaseHandle } from "@/db/connect";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { addLocalDays, localDate, localInstant } from "@/lib/domain/wall-clock";
import en from "@/lib/i18n/messages/en.json";
import pl from "@/lib/i18n/messages/pl.json";
import {
  type ApiResponse,
  apiMember,
  call,
  everyDay,
  type RouteHandler,
  rowCounts,
  setOpeningHours,
} from "../helpers/api";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createOrganisation, createResource } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  provideDatabase(h);
});
afterAll(async () => {
  await h?.close();
});

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
/** Local dates ahead of today in Warsaw, one per use so no two requests collide unless meant to. */
let nextDay = 10;
const freshDay = () => addLocalDays(localDate(new Date()), nextDay++);
const slot = (date: string, from = "10:00", to = "12:00") => ({
  start: localInstant(date, from).toISOString(),
  end: localInstant(date, to).toISOString(),
});

let owner: Awaited<ReturnType<typeof apiMember>>; // admin of the lending organisation
let ownerMember: Awaited<ReturnType<typeof apiMember>>;
let req: Awaited<ReturnType<typeof apiMember>>; // member of the borrowing organisation
let stranger: Awaited<ReturnType<typeof apiMember>>; // another organisation, party to nothing
let instantHall: string;
let approvalHall: string;
let projector: string;
let strangersHall: string;

beforeAll(async () => {
  const lender = await createOrganisation(h.db, { name: "Użyczający" });
  const borrower = await createOrganisation(h.db, { name: "Pożyczający" });
  const third = await createOrganisation(h.db, { name: "Trzeci" });
  owner = await apiMember(h.db, lender.id, "admin");
  ownerMember = await apiMember(h.db, lender.id, "member");
  req = await apiMember(h.db, borrower.id, "member");
  stranger = await apiMember(h.db, third.id, "admin");
  instantHall = (await createResource(h.db, lender.id, { bookingMode: "instant" })).id;
  approvalHall = (await createResource(h.db, lender.id, { bookingMode: "approval", maxMinutes: 240 })).id;
  await setOpeningHours(h.db, approvalHall, everyDay("08:00", "20:00"));
  projector = (await createResource(h.db, lender.id, { kind: "equipment", bookingMode: "instant" })).id;
  strangersHall = (await createResource(h.db, third.id, { bookingMode: "instant" })).id;
});

const book = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  call(create, { token, body, headers });
async function pendingRequest(): Promise<string> {
  const r = await book(req.token, { resourceId: approvalHall, ...slot(freshDay()), purpose: "Zebranie" });
  expect(r.status).toBe(201);
  return r.json.id;
}
const decide = (handler: RouteHandler, token: string | undefined, id: string, body: unknown = {}, headers = {}) =>
  call(handler, { token, body, params: { id }, headers });

/** Every error is `{"error":{"code","message"}}` with a non-empty message. */
function expectError(r: ApiResponse, status: number, code: string) {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.json.error.code).toBe(code);
  expect(typeof r.json.error.message).toBe("string");
  expect(r.json.error.message.length).toBeGreaterThan(0);
}

describe(`POST /api/v1/bookings (${testDriver})`, () => {
  it("201 with the booking: approved on an instant resource, pending on an approval one", async () => {
    const period = slot(freshDay());
    const r = await book(req.token, { resourceId: instantHall, ...period, purpose: "Warsztaty", attendees: 12 });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      status: "approved",
      start: period.start,
      end: period.end,
      quantity: 1,
      purpose: "Warsztaty",
      attendees: 12,
      resource: { id: instantHall, kind: "premises" },
    });
    expect(r.json.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get("content-type")).toContain("application/json");
    expect(r.headers.get("idempotent-replayed")).toBeNull();

    // Instants are accepted with any offset and answered in UTC.
    const date = freshDay();
    const local = await book(req.token, {
      resourceId: approvalHall,
      start: `${date}T10:00:00+02:00`,
      end: `${date}T11:30:00+02:00`,
      purpose: "Próba chóru",
      quantity: 1,
    });
    expect(local.status).toBe(201);
    expect(local.json.status).toBe("pending");
    expect(local.json.start).toBe(new Date(`${date}T10:00:00+02:00`).toISOString());
    expect(Object.keys(local.json)).toEqual(expect.arrayContaining(["id", "status", "start", "end", "quantity"]));
  });

  it("409 conflict with three alternatives when the slot is taken", async () => {
    const period = slot(freshDay());
    expect((await book(req.token, { resourceId: instantHall, ...period, purpose: "Pierwszy" })).status).toBe(201);
    const r = await book(stranger.token, { resourceId: instantHall, ...period, purpose: "Drugi" });
    expectError(r, 409, "conflict");
    expect(r.json.error.message).toBe(pl.errors.conflict);
    expect(r.json.error.alternatives).toHaveLength(3);
    for (const alt of r.json.error.alternatives) {
      expect(Object.keys(alt).sort()).toEqual(["end", "start"]);
      expect(Date.parse(alt.start) >= Date.parse(period.end) || Date.parse(alt.end) <= Date.parse(period.start)).toBe(
        true,
      );
    }
  });

  it("422 rule_violation with the violations for a broken rule", async () => {
    const date = freshDay();
    const closed = await book(req.token, { resourceId: approvalHall, ...slot(date, "19:00", "21:00"), purpose: "x" });
    expectError(closed, 422, "rule_violation");
    expect(closed.json.error.violations).toEqual(["closed"]);
    expect(closed.json.error.message).toBe(pl.errors.rule_violation);
    const long = await book(req.token, { resourceId: approvalHall, ...slot(date, "08:00", "13:00"), purpose: "x" });
    expect(long.json.error.violations).toEqual(["too_long"]);
    const past = await book(req.token, {
      resourceId: instantHall,
      start: "2020-01-01T10:00:00Z",
      end: "2020-01-01T11:00:00Z",
      purpose: "x",
    });
    expectError(past, 422, "rule_violation");
    expect(past.json.error.violations).toEqual(["in_past"]);
  });

  it("400 for malformed input, with the fields; nothing written", async () => {
    const before = await rowCounts(h);
    const period = slot(freshDay());
    const cases: unknown[] = [
      {},
      { resourceId: instantHall, ...period },
      { resourceId: instantHall, ...period, purpose: "" },
      { resourceId: instantHall, start: period.end, end: period.start, purpose: "x" },
      { resourceId: instantHall, start: "jutro", end: period.end, purpose: "x" },
      { resourceId: instantHall, start: "2030-01-01T10:00:00", end: "2030-01-01T11:00:00", purpose: "x" },
      { resourceId: instantHall, ...period, purpose: "x", quantity: 0 },
      { resourceId: instantHall, ...period, purpose: "x", quantity: 1.5 },
      { resourceId: instantHall, ...period, purpose: "x", quantity: "dużo" },
      { resourceId: 42, ...period, purpose: "x" },
      { resourceId: null, ...period, purpose: "x" },
      [{ resourceId: instantHall, ...period, purpose: "x" }],
      "tekst",
      null,
    ];
    for (const body of cases) {
      const r = await book(req.token, body);
      expectError(r, 400, "validation");
      expect(r.json.error.message).toBe(pl.errors.validation);
    }
    const missing = await book(req.token, {});
    expect(Object.keys(missing.json.error.fields).sort()).toEqual(["end", "purpose", "resourceId", "start"]);
    const raw = await call(create, {
      token: req.token,
      raw: "{nie json",
      headers: { "content-type": "application/json" },
    });
    expectError(raw, 400, "validation");
    const huge = await book(req.token, { resourceId: instantHall, ...period, purpose: "x", note: "x".repeat(70_000) });
    expectError(huge, 400, "validation");
    const nul = await book(req.token, { resourceId: instantHall, ...period, purpose: "a\u0000b" });
    expectError(nul, 400, "validation");
    expect(await rowCounts(h)).toEqual(before);
  });

  it("404 for a resource that does not exist, is archived, or cannot be an id", async () => {
    const period = slot(freshDay());
    expectError(await book(req.token, { resourceId: UNKNOWN_ID, ...period, purpose: "x" }), 404, "not_found");
    const archived = await createResource(h.db, (await createOrganisation(h.db)).id, { status: "archived" });
    expectError(await book(req.token, { resourceId: archived.id, ...period, purpose: "x" }), 404, "not_found");
    expectError(await book(req.token, { resourceId: "sala-1", ...period, purpose: "x" }), 404, "not_found");
  });

  it("Idempotency-Key: a retry returns the first booking; the key with another body is 422", async () => {
    const body = { resourceId: instantHall, ...slot(freshDay()), purpose: "Ponowienie" };
    const key = { "Idempotency-Key": "client-retry-4f7a" };
    const first = await book(req.token, body, key);
    const retry = await book(req.token, body, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json.id).toBe(first.json.id);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    const [row] = await h.query<{ n: string | number }>(
      "SELECT count(*) AS n FROM bookings WHERE idempotency_key = $1",
      ["client-retry-4f7a"],
    );
    expect(Number(row.n)).toBe(1);

    const other = await book(req.token, { ...body, purpose: "Coś innego" }, key);
    expectError(other, 422, "idempotency_mismatch");
    expect(other.json.error.message).toBe(pl.errors.idempotency_mismatch);
    expectError(await book(req.token, body, { "Idempotency-Key": "krótki" }), 400, "validation");
    expectError(await book(req.token, body, { "Idempotency-Key": "has spaces in it" }), 400, "validation");
  });

  it("answers in English with Accept-Language: en, Polish by default", async () => {
    const period = slot(freshDay());
    await book(req.token, { resourceId: instantHall, ...period, purpose: "x" });
    const enConflict = await book(
      stranger.token,
      { resourceId: instantHall, ...period, purpose: "x" },
      { "Accept-Language": "en-GB,en;q=0.9,pl;q=0.5" },
    );
    expectError(enConflict, 409, "conflict");
    expect(enConflict.json.error.message).toBe(en.errors.conflict);
    const enMissing = await call(list, { headers: { "Accept-Language": "en" } });
    expect(enMissing.json.error.message).toBe(en.errors.unauthenticated);
    const plMissing = await call(list, {});
    expect(plMissing.json.error.message).toBe(pl.errors.unauthenticated);
    const enBad = await call(create, { token: req.token, body: {}, headers: { "Accept-Language": "en" } });
    expect(enBad.json.error.message).toBe(en.errors.validation);
    expect(enBad.json.error.fields.purpose).toBe(en.validation.required);
  });
});

describe(`authentication and access (${testDriver})`, () => {
  it("401 without a token, with a malformed Authorization, with an unknown or revoked token", async () => {
    const id = await pendingRequest();
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "" },
      { authorization: "Bearer" },
      { authorization: "Bearer " },
      { authorization: "Basic dXNlcjpwYXNz" },
      { authorization: `Token ${req.token}` },
      { authorization: `Bearer ${req.token} extra` },
      { authorization: "Bearer wsp_notarealtoken" },
      { authorization: `Bearer ${req.token.slice(0, -1)}` },
    ];
    for (const headers of attempts) {
      expectError(await call(list, { headers }), 401, "unauthenticated");
      expectError(await call(create, { headers, body: { resourceId: instantHall } }), 401, "unauthenticated");
      expectError(await call(getOne, { headers, params: { id } }), 401, "unauthenticated");
      expectError(await decide(cancel, undefined, id, {}, headers), 401, "unauthenticated");
    }
    // Bearer is case-insensitive.
    expect((await call(list, { headers: { authorization: `bearer ${req.token}` } })).status).toBe(200);

    const revocable = await apiMember(h.db, owner.actor.organisationId, "member");
    expect((await call(list, { token: revocable.token })).status).toBe(200);
    const [tokenRow] = await h.query<{ id: string }>("SELECT id FROM api_tokens WHERE user_id = $1", [
      revocable.user.id,
    ]);
    await revokeApiToken(h.db, revocable.actor, { tokenId: tokenRow.id });
    expectError(await call(list, { token: revocable.token }), 401, "unauthenticated");
    expectError(await decide(approve, revocable.token, id), 401, "unauthenticated");
  });

  it("403 for a change carried by the session cookie from another site's page (CSRF), before anything is read", async () => {
    const id = await pendingRequest();
    const [{ n: before }] = await h.query<{ n: number }>("SELECT count(*)::int AS n FROM bookings");
    for (const forged of <Record<string, string>[]>[
      { cookie: "authjs.session-token=whatever", "sec-fetch-site": "cross-site" },
      { cookie: "authjs.session-token=whatever", origin: "https://evil.example", host: "localhost" },
    ]) {
      expectError(await call(create, { headers: forged, body: { resourceId: instantHall } }), 403, "forbidden");
      expectError(await decide(cancel, undefined, id, {}, forged), 403, "forbidden");
    }
    const [{ n: after }] = await h.query<{ n: number }>("SELECT count(*)::int AS n FROM bookings");
    expect(after).toBe(before);
    const [{ status }] = await h.query<{ status: string }>("SELECT status FROM bookings WHERE id = $1", [id]);
    expect(status).toBe("pending");
    // A token caller's requests carry no cookie: a cross-site header does not matter to them.
    // (Its half-filled body reaches validation: a 400, not a 403.)
    expectError(
      await call(create, {
        token: req.token,
        headers: { "sec-fetch-site": "cross-site" },
        body: { resourceId: instantHall },
      }),
      400,
      "validation",
    );
  });

  it("404 for another organisation's booking and for a malformed id; 403 for a party without the right", async () => {
    const id = await pendingRequest();
    expectError(await call(getOne, { token: stranger.token, params: { id } }), 404, "not_found");
    for (const handler of [approve, decline, cancel]) {
      expectError(await decide(handler, stranger.token, id, { note: "x" }), 404, "not_found");
    }
    expectError(await decide(handover, stranger.token, id, { step: "handed_over" }), 404, "not_found");
    for (const bad of ["nie-ma", "123", `${id}x`, "' OR 1=1 --", UNKNOWN_ID]) {
      expectError(await call(getOne, { token: req.token, params: { id: bad } }), 404, "not_found");
      expectError(await decide(approve, owner.token, bad), 404, "not_found");
    }
    // The requester may see its request but not decide on the lender's resource.
    expect((await call(getOne, { token: req.token, params: { id } })).status).toBe(200);
    expectError(await decide(approve, req.token, id), 403, "forbidden");
    expectError(await decide(decline, req.token, id), 403, "forbidden");
    expectError(await decide(handover, req.token, id, { step: "handed_over" }), 403, "forbidden");
    const [row] = await h.query<{ status: string }>("SELECT status FROM bookings WHERE id = $1", [id]);
    expect(row.status).toBe("pending");
  });
});

describe(`GET /api/v1/bookings and /{id} (${testDriver})`, () => {
  it("200 {items} by scope and status, never another organisation's", async () => {
    const pendingId = await pendingRequest();
    const approvedId = await pendingRequest();
    await decide(approve, owner.token, approvedId);
    // The stranger books its own hall: neither the lender nor the borrower is a party.
    const strangersOwn = await book(stranger.token, {
      resourceId: strangersHall,
      ...slot(freshDay()),
      purpose: "Obcy",
    });
    expect(strangersOwn.status).toBe(201);

    const outgoing = await call(list, { token: req.token, path: "/api/v1/bookings?scope=outgoing" });
    expect(outgoing.status).toBe(200);
    expect(Object.keys(outgoing.json)).toEqual(["items"]);
    const outIds = outgoing.json.items.map((b: { id: string }) => b.id);
    expect(outIds).toEqual(expect.arrayContaining([pendingId, approvedId]));
    expect(outIds).not.toContain(strangersOwn.json.id);
    for (const item of outgoing.json.items) {
      expect(item.organisation.slug).toBe(req.actor.organisationSlug);
      expect(item).toHaveProperty("start");
      expect(item).toHaveProperty("status");
    }
    const incomingForReq = await call(list, { token: req.token, path: "/api/v1/bookings?scope=incoming" });
    expect(incomingForReq.json.items).toEqual([]);

    const incoming = await call(list, {
      token: ownerMember.token,
      path: "/api/v1/bookings?scope=incoming&status=pending",
    });
    const inIds = incoming.json.items.map((b: { id: string }) => b.id);
    expect(inIds).toContain(pendingId);
    expect(inIds).not.toContain(approvedId);
    expect(incoming.json.items.every((b: { status: string }) => b.status === "pending")).toBe(true);
    const both = await call(list, {
      token: owner.token,
      path: "/api/v1/bookings?scope=incoming&status=pending,approved",
    });
    expect(both.json.items.map((b: { id: string }) => b.id)).toEqual(expect.arrayContaining([pendingId, approvedId]));
    expect(both.json.items.map((b: { id: string }) => b.id)).not.toContain(strangersOwn.json.id);

    const strangers = await call(list, { token: stranger.token });
    const strangerIds = strangers.json.items.map((b: { id: string }) => b.id);
    expect(strangerIds).toEqual([strangersOwn.json.id]);

    for (const query of [
      "scope=mine",
      "status=lost",
      "status=pending,,approved",
      "limit=0",
      "limit=abc",
      "from=wczoraj",
    ]) {
      expectError(await call(list, { token: req.token, path: `/api/v1/bookings?${query}` }), 400, "validation");
    }
  });

  it("GET /{id} shows a party the booking", async () => {
    const id = await pendingRequest();
    const r = await call(getOne, { token: owner.token, params: { id } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id, status: "pending", quantity: 1, resource: { id: approvalHall } });
  });
});

describe(`POST /api/v1/bookings/{id}/approve|decline|cancel|handover (${testDriver})`, () => {
  it("200 {id, status} for the right party", async () => {
    const a = await pendingRequest();
    const approved = await decide(approve, ownerMember.token, a, { note: "Zapraszamy" });
    expect(approved.status).toBe(200);
    expect(approved.json).toEqual({ id: a, status: "approved" });
    const b = await pendingRequest();
    expect((await decide(decline, owner.token, b)).json).toEqual({ id: b, status: "declined" });
    const c = await pendingRequest();
    const cancelled = await decide(cancel, req.token, c, { note: "Zmiana planów" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toEqual({ id: c, status: "cancelled" });
    // The body may be empty.
    const d = await pendingRequest();
    expect((await call(approve, { token: owner.token, raw: "", method: "POST", params: { id: d } })).status).toBe(200);
  });

  it("the owner's cancellation needs a reason; deciding twice is 409 invalid_state; unknown fields are 400", async () => {
    const a = await pendingRequest();
    await decide(approve, owner.token, a);
    const noReason = await decide(cancel, owner.token, a, {});
    expectError(noReason, 400, "validation");
    expect((await decide(cancel, owner.token, a, { note: "Awaria ogrzewania" })).json).toEqual({
      id: a,
      status: "cancelled",
    });
    const again = await decide(approve, owner.token, a);
    expectError(again, 409, "invalid_state");
    expect(again.json.error.message).toBe(pl.errors.invalid_state);
    expectError(await decide(cancel, req.token, a), 409, "invalid_state");

    const b = await pendingRequest();
    expectError(await decide(approve, owner.token, b, { note: "x", status: "approved" }), 400, "validation");
    expectError(await decide(approve, owner.token, b, { note: 5 }), 400, "validation");
    expectError(await decide(approve, owner.token, b, ["note"]), 400, "validation");
    expectError(await decide(approve, owner.token, b, { note: "x".repeat(1001) }), 400, "validation");
    const [row] = await h.query<{ status: string }>("SELECT status FROM bookings WHERE id = $1", [b]);
    expect(row.status).toBe("pending");
  });

  it("records the handover of equipment and refuses it for premises", async () => {
    const lent = await book(req.token, { resourceId: projector, ...slot(freshDay()), purpose: "Prezentacja" });
    const id = lent.json.id as string;
    const out = await decide(handover, owner.token, id, { step: "handed_over" });
    expect(out.status).toBe(200);
    expect(out.json).toEqual({ id, step: "handed_over" });
    const back = await decide(handover, ownerMember.token, id, { step: "returned", note: "Bez uwag" });
    expect(back.json).toEqual({ id, step: "returned" });
    expectError(await decide(handover, owner.token, id, { step: "returned" }), 409, "invalid_state");
    expectError(await decide(handover, owner.token, id, { step: "lost" }), 400, "validation");
    const hall = await book(req.token, { resourceId: instantHall, ...slot(freshDay()), purpose: "Sala" });
    const premises = await decide(handover, owner.token, hall.json.id, { step: "handed_over" });
    expectError(premises, 422, "rule_violation");
    expect(premises.json.error.violations).toEqual(["not_equipment"]);
  });
});
