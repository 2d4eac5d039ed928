import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { blackouts, bookings, openingHours, organisations, resources } from "@/db/schema";
import type { BookingRules, Holding, Period, Weekday, WeeklyInterval } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";

const asDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
export const bookingStart = sql<Date>`lower(${bookings.period})`.mapWith(asDate);
export const bookingEnd = sql<Date>`upper(${bookings.period})`.mapWith(asDate);
export const HOLDING_STATUSES = ["pending", "approved"] as const;

export type ResourceRow = typeof resources.$inferSelect;

/** The rules the domain checks, from a resource row. */
export const rulesOf = (r: ResourceRow): BookingRules => ({
  quantity: r.quantity,
  minMinutes: r.minMinutes,
  maxMinutes: r.maxMinutes,
  leadMinutes: r.leadMinutes,
  horizonDays: r.horizonDays,
  bufferMinutes: r.bufferMinutes,
  hoursApply: r.kind === "equipment" ? "handover" : "throughout",
});

const range = (p: Period) =>
  sql`tstzrange(${p.start.toISOString()}::timestamptz, ${p.end.toISOString()}::timestamptz, '[)')`;

/** Weekly hours as "HH:MM" intervals (PostgreSQL writes `24:00:00` for the end of the day). */
export async function loadOpeningHours(db: Db, resourceId: string): Promise<WeeklyInterval[]> {
  const rows = await db
    .select({ weekday: openingHours.weekday, start: openingHours.startTime, end: openingHours.endTime })
    .from(openingHours)
    .where(eq(openingHours.resourceId, resourceId))
    .orderBy(asc(openingHours.weekday), asc(openingHours.startTime));
  return rows.map((r) => ({ weekday: r.weekday as Weekday, start: r.start.slice(0, 5), end: r.end.slice(0, 5) }));
}

export async function loadBlackouts(db: Db, resourceId: string, window?: Period) {
  return db
    .select({
      id: blackouts.id,
      start: sql<Date>`lower(${blackouts.period})`.mapWith(asDate),
      end: sql<Date>`upper(${blackouts.period})`.mapWith(asDate),
      reason: blackouts.reason,
    })
    .from(blackouts)
    .where(and(eq(blackouts.resourceId, resourceId), window ? sql`${blackouts.period} && ${range(window)}` : undefined))
    .orderBy(sql`lower(${blackouts.period})`);
}

/** Bookings that hold time (pending or approved) overlapping the window, buffers included. */
export async function loadHoldings(db: Db, resourceId: string, window: Period, excludeId?: string): Promise<Holding[]> {
  const rows = await db
    .select({ start: bookingStart, end: bookingEnd, quantity: bookings.quantity, id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.resourceId, resourceId),
        inArray(bookings.status, [...HOLDING_STATUSES]),
        sql`${bookings.blockedPeriod} && ${range(window)}`,
      ),
    );
  return rows
    .filter((r) => r.id !== excludeId)
    .map((r) => ({ period: { start: r.start, end: r.end }, quantity: r.quantity }));
}

/** A resource that can be requested now: active, of an active organisation. Anything else is `not_found`. */
export async function loadBookableResource(db: Db, resourceId: string): Promise<ResourceRow> {
  const [row] = await db
    .select({ resource: resources })
    .from(resources)
    .innerJoin(organisations, eq(organisations.id, resources.organisationId))
    .where(and(eq(resources.id, resourceId), eq(resources.status, "active"), eq(organisations.status, "active")))
    .limit(1);
  if (!row) throw new AppError("not_found");
  return row.resource;
}

/** Rows of `db.execute(sql…)`, whichever driver answered (postgres-js gives an array, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

function buildBookingContextQuery(db: Db) {
  const window = sql`tstzrange(${sql.placeholder("start")}::timestamptz, ${sql.placeholder("end")}::timestamptz, '[)')`;
  return db
    .select({
      resource: resources,
      ownerSlug: organisations.slug,
      ownerName: organisations.name,
      hours: sql<{ weekday: Weekday; start: string; end: string }[]>`coalesce((
        select json_agg(json_build_object('weekday', h.weekday, 'start', left(h.start_time::text, 5), 'end', left(h.end_time::text, 5)))
        from opening_hours h where h.resource_id = "resources"."id"), '[]'::json)`,
      blackouts: sql<{ start: string; end: string }[]>`coalesce((
        select json_agg(json_build_object('start', lower(b.period), 'end', upper(b.period)))
        from blackouts b where b.resource_id = "resources"."id" and b.period && ${window}), '[]'::json)`,
    })
    .from(resources)
    .innerJoin(organisations, eq(organisations.id, resources.organisationId))
    .where(
      and(
        eq(resources.id, sql.placeholder("resourceId")),
        eq(resources.status, "active"),
        eq(organisations.status, "active"),
      ),
    )
    .limit(1)
    .prepare("booking_context");
}

/** Built once per database handle: it runs on every booking request (a prepared statement on PostgreSQL). */
const bookingContextQueries = new WeakMap<Db, ReturnType<typeof buildBookingContextQuery>>();

/**
 * Everything a booking request is checked against, in one round trip: the bookable resource (active, of an active
 * organisation), its owner, its weekly hours and the blackouts overlapping the period. Anything else is `not_found`.
 */
export async function loadBookingContext(db: Db, resourceId: string, period: Period) {
  let query = bookingContextQueries.get(db);
  if (!query) {
    query = buildBookingContextQuery(db);
    bookingContextQueries.set(db, query);
  }
  const [row] = await query.execute({
    resourceId,
    start: period.start.toISOString(),
    end: period.end.toISOString(),
  });
  if (!row) throw new AppError("not_found");
  const parse = <T>(v: unknown) => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
  return {
    resource: row.resource,
    owner: { id: row.resource.organisationId, slug: row.ownerSlug, name: row.ownerName },
    hours: parse<WeeklyInterval[]>(row.hours),
    blackouts: parse<{ start: string; end: string }[]>(row.blackouts).map((b) => ({
      start: new Date(b.start),
      end: new Date(b.end),
    })),
  };
}
