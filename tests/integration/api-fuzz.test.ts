/**
 * Property-based: random and hostile bodies, query strings, ids and headers thrown at every route handler under
 * app/api (found when the suite runs, so new endpoints are covered without editing this file). Whatever comes in:
 * never a 5xx, every error is `{"error":{"code","message"}}`, a refused request writes nothing, and input that is
 * invalid by construction is refused.
 *
 * Reproducible: fixed seed and number of runs; set FC_SEED to replay another seed.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideDatabase } from "@/db/client";
import type { DatabaseHandle } from "@/db/connect";
import { addLocalDays, localDate, localInstant } from "@/lib/domain/wall-clock";
import {
  type ApiResponse,
  addBlackout,
  apiMember,
  call,
  everyDay,
  type RouteHandler,
  type RowCounts,
  rowCounts,
  setOpeningHours,
} from "../helpers/api";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createBooking, createOrganisation, createResource } from "../helpers/factories";

const SEED = Number(process.env.FC_SEED ?? 20_260_526);
const RUNS = 100;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

interface Endpoint {
  /** `/api/v1/bookings/[id]/approve` */
  template: string;
  method: (typeof METHODS)[number];
  handler: RouteHandler;
  /** Dynamic segments, e.g. `id`; `catchAll` for `[...x]`. */
  segments: { name: string; catchAll: boolean }[];
}

/** Every route module under app/api except Auth.js's own handler, imported as Next.js would. */
async function discoverEndpoints(): Promise<Endpoint[]> {
  const root = path.resolve(import.meta.dirname, "../../app/api");
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === "route.ts")
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !path.relative(root, f).startsWith("auth"))
    .sort();
  const endpoints: Endpoint[] = [];
  for (const file of files) {
    const dir = path.relative(root, path.dirname(file)).split(path.sep).join("/");
    if (dir.startsWith("_")) continue;
    const template = `/api/${dir}`;
    const segments = [...template.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => ({ name: m[2], catchAll: !!m[1] }));
    const module = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) {
      if (typeof module[method] === "function") {
        endpoints.push({ template, method, handler: module[method] as RouteHandler, segments });
      }
    }
  }
  return endpoints;
}

const endpoints = await discoverEndpoints();

let h: DatabaseHandle;
let tokens: { owner: string; requester: string; stranger: string };
/** Ids that exist: the only path values that may reach a 2xx. */
let realIds: string[] = [];
let resourceIds: string[] = [];
let futureInstants: string[] = [];

beforeAll(async () => {
  h = await createTestDatabase();
  provideDatabase(h);
  const lender = await createOrganisation(h.db, { name: "Użyczający" });
  const borrower = await createOrganisation(h.db, { name: "Pożyczający" });
  const third = await createOrganisation(h.db, { name: "Obcy" });
  tokens = {
    owner: (await apiMember(h.db, lender.id, "admin")).token,
    requester: (await apiMember(h.db, borrower.id, "member")).token,
    stranger: (await apiMember(h.db, third.id, "member")).token,
  };
  const hall = await createResource(h.db, lender.id, { bookingMode: "approval", bufferMinutes: 15 });
  await setOpeningHours(h.db, hall.id, everyDay("07:00", "22:00"));
  const chairs = await createResource(h.db, lender.id, { kind: "equipment", quantity: 50, bookingMode: "instant" });
  const expert = await createResource(h.db, borrower.id, { kind: "expertise", bookingMode: "instant" });
  const foreign = await createResource(h.db, third.id, { bookingMode: "instant" });
  resourceIds = [hall.id, chairs.id, expert.id, foreign.id];

  const today = localDate(new Date());
  futureInstants = Array.from({ length: 12 }, (_, i) =>
    localInstant(
      addLocalDays(today, 5 + Math.floor(i / 4)),
      `${String(8 + (i % 4) * 3).padStart(2, "0")}:00`,
    ).toISOString(),
  );
  const day = (n: number, hhmm: string) => localInstant(addLocalDays(today, n), hhmm);
  const bookings = [
    await createBooking(h.db, {
      resourceId: hall.id,
      organisationId: borrower.id,
      status: "pending",
      start: day(3, "10:00"),
      end: day(3, "12:00"),
      purpose: "F1",
    }),
    await createBooking(h.db, {
      resourceId: chairs.id,
      organisationId: borrower.id,
      status: "approved",
      start: day(3, "10:00"),
      end: day(3, "12:00"),
      quantity: 5,
      purpose: "F2",
    }),
    await createBooking(h.db, {
      resourceId: foreign.id,
      organisationId: third.id,
      status: "approved",
      start: day(3, "10:00"),
      end: day(3, "12:00"),
      purpose: "F3",
    }),
  ];
  await addBlackout(h.db, hall.id, day(40, "00:00"), day(41, "00:00"));
  const [blackout] = await h.query<{ id: string }>("SELECT id FROM blackouts LIMIT 1");
  realIds = [...resourceIds, ...bookings.map((b) => b.id), blackout.id];
});
afterAll(async () => {
  await h?.close();
});

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

const HOSTILE_STRINGS = [
  "",
  " ",
  "'; DROP TABLE bookings; --",
  "1' OR '1'='1",
  "$$; SELECT pg_sleep(10); $$",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\u202Eevil",
  "Zażółć gęślą jaźń 🐉 𝕳𝖊𝖑𝖑𝖔",
  "../../../etc/passwd",
  "%00%27%22",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose.
  "${7*7}{{7*7}}",
  "<script>alert(1)</script>",
  "__proto__",
  "constructor",
  "prototype",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "0x10",
  "null",
  "true",
  "2026-02-30T10:00:00Z",
  "2026-13-01T00:00:00Z",
  "2026-05-01T24:00:00Z",
  "2026-05-01T10:00:00+25:00",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "2026-05-01T10:00:00.123456789Z",
  "2026-05-01",
  "10:00",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "x".repeat(5000),
];
const HOSTILE_NUMBERS = [
  0,
  -0,
  -1,
  1,
  1.5,
  -2_147_483_649,
  2_147_483_648,
  Number.MAX_SAFE_INTEGER,
  1e21,
  1e308,
  -1e308,
  5e-324,
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);
const hostileNumber = fc.oneof(fc.constantFrom(...HOSTILE_NUMBERS), fc.integer(), fc.double());
const hostileScalar = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
const hostileValue = fc.oneof(
  { weight: 4, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileScalar, { maxKeys: 3 }) },
);

/** Field names the API knows (so bodies get past "unknown key") and a few it should never trust. */
const FIELD_NAMES = [
  "resourceId",
  "start",
  "end",
  "quantity",
  "purpose",
  "attendees",
  "note",
  "step",
  "status",
  "id",
  "organisationId",
  "name",
  "kind",
  "description",
  "capacity",
  "bookingMode",
  "minMinutes",
  "maxMinutes",
  "leadMinutes",
  "horizonDays",
  "bufferMinutes",
  "openingHours",
  "reason",
  "details",
  "__proto__",
  "constructor",
];
const fieldName = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...FIELD_NAMES) },
  { weight: 1, arbitrary: hostileString },
);

const HOUR = 3_600_000;
/** A JSON object of known fields with mostly plausible values, some hostile: reaches the use-cases' own checks. */
const plausibleObject = () =>
  fc
    .tuple(
      fc.record(
        {
          resourceId: fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...resourceIds) },
            { weight: 1, arbitrary: fc.uuid() },
            { weight: 1, arbitrary: hostileValue },
          ),
          quantity: fc.oneof(fc.integer({ min: -3, max: 60 }), hostileValue),
          purpose: fc.oneof(
            { weight: 3, arbitrary: fc.constant("Spotkanie") },
            { weight: 2, arbitrary: hostileString },
          ),
          note: hostileString,
          step: fc.oneof(fc.constantFrom("handed_over", "returned"), hostileString),
          name: hostileString,
          kind: fc.oneof(fc.constantFrom("premises", "equipment", "expertise"), hostileString),
          reason: hostileString,
        },
        { requiredKeys: ["resourceId", "purpose"] },
      ),
      // A coherent period (sometimes ending before it starts), or hostile instants.
      fc.oneof(
        { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...futureInstants), fc.integer({ min: -1, max: 4 })) },
        { weight: 1, arbitrary: fc.tuple(hostileValue, hostileValue) },
      ),
    )
    .map(([fields, [start, second]]) =>
      typeof start === "string" && typeof second === "number"
        ? { ...fields, start, end: new Date(Date.parse(start) + second * HOUR).toISOString() }
        : { ...fields, start, end: second },
    );

/** A booking request that would pass but for at most one field, replaced by something hostile. */
const nearlyValidBooking = () =>
  fc
    .record({
      resourceId: fc.constantFrom(...resourceIds),
      start: fc.constantFrom(...futureInstants),
      hours: fc.integer({ min: 1, max: 3 }),
      quantity: fc.integer({ min: 1, max: 3 }),
      spoil: fc.option(
        fc.tuple(
          fc.constantFrom("resourceId", "start", "end", "quantity", "purpose", "note", "attendees"),
          hostileValue,
        ),
        {
          freq: 2,
        },
      ),
    })
    .map(({ resourceId, start, hours, quantity, spoil }) => {
      const body: Record<string, unknown> = {
        resourceId,
        start,
        end: new Date(Date.parse(start) + hours * HOUR).toISOString(),
        quantity,
        purpose: "Zebranie",
      };
      if (spoil) body[spoil[0]] = spoil[1];
      return body;
    });

const deep = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);
const RAW_HOSTILE = [
  '{"__proto__":{"polluted":"yes"},"resourceId":"x"}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"note":"a","note":"b"}',
  '{"purpose":"\\u0000"}',
  '{"purpose":"\\ud800"}',
  "{",
  "}",
  "[1,2",
  "nul",
  "undefined",
  "NaN",
  "'single'",
  "<xml/>",
  "a=1&b=2",
  deep(3000, "[", "]"),
  deep(3000, '{"a":', "}").replace(/}$/, "1}"),
  `{"purpose":"${"x".repeat(70_000)}"}`,
  "\uFEFF{}",
  "1e999999",
];

/** Body text: raw garbage, any JSON value, or a plausible object with hostile pieces. */
const bodyText = () =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...RAW_HOSTILE) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "undefined") },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.dictionary(fieldName, hostileValue, { maxKeys: 6 }).map((v) => JSON.stringify(v)) },
    { weight: 3, arbitrary: plausibleObject().map((v) => JSON.stringify(v)) },
    { weight: 6, arbitrary: nearlyValidBooking().map((v) => JSON.stringify(v)) },
    // What the decision and handover endpoints take.
    {
      weight: 3,
      arbitrary: fc
        .record(
          { note: fc.oneof(fc.constant("Uwagi"), hostileValue), step: fc.constantFrom("handed_over", "returned") },
          { requiredKeys: [] },
        )
        .map((v) => JSON.stringify(v)),
    },
  );

const QUERY_KEYS = [
  "scope",
  "status",
  "from",
  "to",
  "resourceId",
  "limit",
  "kind",
  "q",
  "owner",
  "minCapacity",
  "minQuantity",
  "durationMinutes",
  "quantity",
  "count",
  "__proto__",
  "constructor",
];
const QUERY_VALUES = [
  "outgoing",
  "incoming",
  "all",
  "pending",
  "pending,approved",
  "premises",
  "500",
  "0",
  "-1",
  "62",
  "1",
];
const queryArb = () =>
  fc.array(
    fc.tuple(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: hostileString }),
      fc.oneof(
        fc.constantFrom(...QUERY_VALUES),
        fc.constantFrom(...futureInstants),
        fc.constantFrom(...resourceIds),
        hostileString,
      ),
    ),
    { maxLength: 5 },
  );

/** Text PostgreSQL cannot store: NUL, or an unpaired UTF-16 surrogate (invalid in jsonb). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text?: string) => text !== undefined && (text.includes("\u0000") || LONE_SURROGATE.test(text));

/** What a URL can carry: percent-decoding never yields an unpaired surrogate, only U+FFFD. */
const urlSafe = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

/** A path value: an id that exists, a random UUID, or anything at all. */
const idArb = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...realIds).map((id) => ({ id, real: true })) },
    { weight: 1, arbitrary: fc.uuid().map((id) => ({ id, real: false })) },
    { weight: 3, arbitrary: hostileString.map((id) => ({ id: urlSafe(id), real: false })) },
  );

/** Printable ASCII only: anything else cannot be a header value. */
const headerText = fc.string({ unit: "binary-ascii", maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, ""));
const languageArb = fc.oneof(fc.constantFrom("en", "pl", "de", "*", "en-US,en;q=0.5", "xx-YY;q=abc"), headerText);

// ---------------------------------------------------------------------------------------------------------------
// Checks

/** True when `text` is not a JSON object (and not blank, which counts as `{}`). */
function notAnObject(text: string): boolean {
  if (text.trim() === "") return false;
  try {
    const value: unknown = JSON.parse(text);
    return value === null || typeof value !== "object" || Array.isArray(value);
  } catch {
    return true;
  }
}

function expectErrorShape(r: ApiResponse, context: string) {
  expect(r.json?.error?.code, context).toEqual(expect.any(String));
  expect(r.json.error.message, context).toEqual(expect.any(String));
  expect(r.json.error.message.trim().length, context).toBeGreaterThan(0);
}

/** After a 2xx of a booking endpoint: resources and closures untouched, at most one booking and one audit entry. */
function expectBookingWrites(endpoint: Endpoint, before: RowCounts, after: RowCounts, r: ApiResponse, context: string) {
  expect(after.resources, context).toBe(before.resources);
  expect(after.blackouts, context).toBe(before.blackouts);
  const created = after.bookings - before.bookings;
  expect([0, 1], context).toContain(created);
  expect([0, 1], context).toContain(after.audit - before.audit);
  if (created === 1) {
    expect(`${endpoint.method} ${endpoint.template}`, context).toBe("POST /api/v1/bookings");
    expect(r.status, context).toBe(201);
  }
}

function urlOf(endpoint: Endpoint, params: Record<string, string | string[]>, query: [string, string][]) {
  let pathname = endpoint.template;
  for (const s of endpoint.segments) {
    const value = params[s.name];
    const text = Array.isArray(value) ? value.map(encodeURIComponent).join("/") : encodeURIComponent(value);
    pathname = pathname.replace(s.catchAll ? `[...${s.name}]` : `[${s.name}]`, text);
  }
  const search = new URLSearchParams();
  for (const [k, v] of query) search.append(k, v);
  const qs = search.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

const label = (e: Endpoint) => `${e.method} ${e.template}`;

describe(`API fuzzing (${testDriver}, seed ${SEED}, ${RUNS} runs per endpoint)`, () => {
  it("finds the endpoints", () => {
    const found = endpoints.map(label);
    expect(found).toEqual(
      expect.arrayContaining([
        "GET /api/v1/bookings",
        "POST /api/v1/bookings",
        "GET /api/v1/bookings/[id]",
        "POST /api/v1/bookings/[id]/approve",
        "POST /api/v1/bookings/[id]/decline",
        "POST /api/v1/bookings/[id]/cancel",
        "GET /api/health",
      ]),
    );
  });

  let counts: RowCounts;
  beforeAll(async () => {
    counts = await rowCounts(h);
  });

  for (const endpoint of endpoints) {
    it(`${label(endpoint)}: hostile input never causes a 5xx or a write on refusal`, { timeout: 120_000 }, async () => {
      const takesBody = endpoint.method !== "GET" && endpoint.method !== "DELETE";
      const isBookings = endpoint.template.startsWith("/api/v1/bookings");
      const paramArb = fc.tuple(...endpoint.segments.map(() => idArb()));
      const input = fc.record({
        who: fc.constantFrom("owner", "requester", "stranger") as fc.Arbitrary<keyof typeof tokens>,
        params: endpoint.segments.length > 0 ? paramArb : fc.constant([] as { id: string; real: boolean }[]),
        query: queryArb(),
        body: takesBody ? bodyText() : fc.constant(undefined),
        language: languageArb,
        idempotencyKey: fc.oneof(
          { weight: 4, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom("fuzz-key-0001", "fuzz-key-0002") },
          { weight: 1, arbitrary: headerText },
        ),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ who, params, query, body, language, idempotencyKey }) => {
          const pathParams: Record<string, string | string[]> = {};
          endpoint.segments.forEach((s, i) => {
            pathParams[s.name] = s.catchAll ? [params[i].id] : params[i].id;
          });
          const headers: Record<string, string> = { "accept-language": language };
          if (idempotencyKey !== undefined) headers["idempotency-key"] = idempotencyKey;
          if (body !== undefined) headers["content-type"] = "application/json";
          const r = await call(endpoint.handler, {
            method: endpoint.method,
            path: urlOf(endpoint, pathParams, query),
            token: tokens[who],
            raw: body,
            headers,
            params: pathParams,
          });
          const context = `${label(endpoint)} → ${r.status} ${JSON.stringify(r.json)?.slice(0, 300)}`;
          expect(r.status, context).toBeLessThan(500);
          const after = await rowCounts(h);
          if (r.status >= 400) {
            expectErrorShape(r, context);
            expect(after, context).toEqual(counts);
          } else if (isBookings) {
            expectBookingWrites(endpoint, counts, after, r, context);
          }
          counts = after;
          // Invalid by construction: refused.
          if (params.some((p) => !p.real)) expect(r.status, context).toBeGreaterThanOrEqual(400);
          if (body !== undefined && notAnObject(body)) expect(r.status, context).toBeGreaterThanOrEqual(400);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }

  it("free text in an otherwise valid request is stored exactly (trimmed) or refused as 400, never a 5xx", {
    timeout: 120_000,
  }, async () => {
    const { POST } = (await import("@/app/api/v1/bookings/route")) as { POST: RouteHandler };
    // Its own resource: the fuzzing above may have archived or changed the others.
    const [owner] = await h.query<{ organisation_id: string }>("SELECT organisation_id FROM resources WHERE id = $1", [
      resourceIds[1],
    ]);
    const chairs = (
      await createResource(h.db, owner.organisation_id, { kind: "equipment", quantity: 100, bookingMode: "instant" })
    ).id;
    counts = await rowCounts(h);
    const base = Date.parse(futureInstants[0]);
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.constantFrom(...HOSTILE_STRINGS),
    );
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.option(text, { nil: undefined }),
        fc.integer({ min: 0, max: 20_000 }),
        async (purpose, note, slot) => {
          const start = new Date(base + slot * HOUR).toISOString();
          const end = new Date(base + (slot + 1) * HOUR).toISOString();
          const r = await call(POST, {
            token: tokens.requester,
            body: { resourceId: chairs, start, end, purpose, note },
          });
          const context = `${JSON.stringify({ purpose, note })} → ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`;
          const invalid =
            unstorable(purpose) ||
            unstorable(note) ||
            purpose.trim() === "" ||
            purpose.trim().length > 300 ||
            (note?.trim().length ?? 0) > 2000;
          if (invalid) {
            expect(r.status, context).toBe(400);
            expectErrorShape(r, context);
            return;
          }
          expect(r.status, context).toBe(201);
          const [row] = await h.query<{ purpose: string; note: string | null }>(
            "SELECT purpose, note FROM bookings WHERE id = $1",
            [r.json.id],
          );
          expect(row.purpose, context).toBe(purpose.trim());
          expect(row.note, context).toBe(note?.trim() || null);
          counts = await rowCounts(h);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("a missing, malformed or unknown bearer token is a 401 at every endpoint that needs a caller", {
    timeout: 120_000,
  }, async () => {
    const guarded: Endpoint[] = [];
    for (const endpoint of endpoints) {
      const params = Object.fromEntries(endpoint.segments.map((s) => [s.name, s.catchAll ? [realIds[0]] : realIds[0]]));
      const r = await call(endpoint.handler, {
        method: endpoint.method,
        path: urlOf(endpoint, params, []),
        params,
        raw: endpoint.method === "GET" ? undefined : "{}",
      });
      if (r.status === 401) guarded.push(endpoint);
    }
    expect(guarded.map(label)).toEqual(expect.arrayContaining(["GET /api/v1/bookings", "POST /api/v1/bookings"]));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...guarded),
        fc.oneof(
          headerText,
          headerText.map((s) => `Bearer ${s}`),
          headerText.map((s) => `Bearer wsp_${s.replace(/\s/g, "")}`),
          fc.constantFrom(`Bearer ${"wsp_".padEnd(300, "a")}`, "Bearer wsp_", "bearer", "Basic Og=="),
        ),
        async (endpoint, authorization) => {
          const params = Object.fromEntries(
            endpoint.segments.map((s) => [s.name, s.catchAll ? [realIds[0]] : realIds[0]]),
          );
          const before = await rowCounts(h);
          const r = await call(endpoint.handler, {
            method: endpoint.method,
            path: urlOf(endpoint, params, []),
            params,
            raw: endpoint.method === "GET" ? undefined : "{}",
            headers: { authorization },
          });
          const context = `${label(endpoint)} with "${authorization}" → ${r.status}`;
          expect(r.status, context).toBe(401);
          expectErrorShape(r, context);
          expect(r.json.error.code).toBe("unauthenticated");
          expect(await rowCounts(h), context).toEqual(before);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("nothing reached Object.prototype", () => {
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
