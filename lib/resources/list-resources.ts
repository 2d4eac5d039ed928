import { and, eq, gte, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { organisations, resources } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { checkBookingRules } from "@/lib/domain/booking-rules";
import { isOpenAtHandover, isOpenThroughout } from "@/lib/domain/opening-hours";
import type { Period, RuleViolation, Weekday, WeeklyInterval } from "@/lib/domain/types";
import { parseClock } from "@/lib/domain/wall-clock";
import { intFrom } from "@/lib/validation";
import { heldPeaks } from "./free-units";
import { instantInput, periodIssues, RESOURCE_KINDS } from "./resource-schema";

const DAY = 86_400_000;
const MAX_WINDOW_DAYS = 31;
const ACTIVE = "active";

/** Query strings send empty fields (`?kind=&q=`): those mean "no filter". */
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const listResourcesSchema = z
  .object({
    kind: blank(z.enum(RESOURCE_KINDS, "invalid")),
    q: blank(z.string("invalid").trim().max(200, "too_long")),
    owner: blank(z.string("invalid").trim().max(100, "too_long")),
    minCapacity: blank(intFrom(1, 100_000)),
    minQuantity: blank(intFrom(1, 100_000)),
    from: blank(instantInput),
    to: blank(instantInput),
  })
  .superRefine((v, ctx) => {
    if (v.from && !v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "required" });
    if (v.to && !v.from) ctx.addIssue({ code: "custom", path: ["from"], message: "required" });
    for (const issue of periodIssues(v.from, v.to, MAX_WINDOW_DAYS, "to")) ctx.addIssue(issue);
  });
export type ListResourcesInput = z.input<typeof listResourcesSchema>;

export interface ResourceListItem {
  id: string;
  kind: (typeof RESOURCE_KINDS)[number];
  name: string;
  description: string;
  location: string | null;
  capacity: number | null;
  quantity: number;
  bookingMode: "instant" | "approval";
  inKindRate: number | null;
  inKindUnit: string | null;
  organisation: { slug: string; name: string };
  /** With `from`/`to`: units free for the whole window (at least `max(1, minQuantity)`). */
  freeUnits?: number;
  /**
   * With `from`/`to`: booking rules a request for exactly the window would break (lead time, horizon, length).
   * The resource is listed anyway: it is open and free, and the partner may agree to an exception.
   */
  ruleViolations?: RuleViolation[];
}

/** `%`, `_` and `\` typed by the user are literal characters, not LIKE wildcards. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const collator = new Intl.Collator("pl", { sensitivity: "base", numeric: true });

/**
 * Active resources of active partners, filtered; sorted by name the Polish way. With a window (`from`, `to`):
 * only resources open throughout it, with no closure overlapping it, and with enough units free for all of it.
 * Free units are counted the way the booking guard counts them: holding bookings' blocked periods (buffers
 * included) against [from, to + buffer), the peak found in SQL for all candidates in one query.
 */
export async function listResources(
  db: Db,
  actor: Actor | null,
  filters: ListResourcesInput = {},
  now: Date = new Date(),
): Promise<ResourceListItem[]> {
  assertCan(actor, "organisation.view");
  const f = listResourcesSchema.parse(filters);
  const need = Math.max(1, f.minQuantity ?? 1);
  const window: Period | undefined = f.from && f.to ? { start: f.from, end: f.to } : undefined;

  const conditions: (SQL | undefined)[] = [
    eq(resources.status, ACTIVE),
    eq(organisations.status, ACTIVE),
    f.kind ? eq(resources.kind, f.kind) : undefined,
    f.owner ? eq(organisations.slug, f.owner) : undefined,
    f.minCapacity ? gte(resources.capacity, f.minCapacity) : undefined,
    gte(resources.quantity, need),
    f.q
      ? sql`wsp_fold(${resources.name} || ' ' || ${resources.description} || ' ' || coalesce(${resources.location}, '')) LIKE '%' || wsp_fold(${escapeLike(f.q)}) || '%'`
      : undefined,
    window
      ? sql`NOT EXISTS (SELECT 1 FROM blackouts bl WHERE bl.resource_id = ${resources.id} AND bl.period && tstzrange(${window.start.toISOString()}::timestamptz, ${window.end.toISOString()}::timestamptz, '[)'))`
      : undefined,
  ];
  const selection = {
    id: resources.id,
    kind: resources.kind,
    name: resources.name,
    description: resources.description,
    location: resources.location,
    capacity: resources.capacity,
    quantity: resources.quantity,
    bookingMode: resources.bookingMode,
    inKindRate: resources.inKindRate,
    inKindUnit: resources.inKindUnit,
    minMinutes: resources.minMinutes,
    maxMinutes: resources.maxMinutes,
    leadMinutes: resources.leadMinutes,
    horizonDays: resources.horizonDays,
    bufferMinutes: resources.bufferMinutes,
    ownerSlug: organisations.slug,
    ownerName: organisations.name,
  };
  const held = sql<number>`coalesce(peak.held, 0)`;
  const rows = window
    ? await db
        .select({
          ...selection,
          held: held.mapWith(Number),
          // The weekly hours as one string (`1 07:00 22:00,2 …`), kept on the row by a trigger (migration 0011):
          // partners share a few sets, each parsed and checked once.
          hours: resources.weeklyHours,
        })
        .from(resources)
        .innerJoin(organisations, eq(organisations.id, resources.organisationId))
        .leftJoin(heldPeaks(window), sql`peak.resource_id = ${resources.id}`)
        .where(and(...conditions, sql`${resources.quantity} - ${held} >= ${need}`))
    : await db
        .select({ ...selection, held: sql<number>`0`.mapWith(Number), hours: sql<string | null>`null` })
        .from(resources)
        .innerJoin(organisations, eq(organisations.id, resources.organisationId))
        .where(and(...conditions));

  const hoursOf = memoByKey(parseHours);
  const openThroughout = window ? openThroughoutChecker(window) : () => true;
  const openAtHandover = window ? memoByKey((key) => isOpenAtHandover(hoursOf(key), window)) : () => true;

  const items: ResourceListItem[] = [];
  for (const r of rows) {
    const item: ResourceListItem = {
      id: r.id,
      kind: r.kind,
      name: r.name,
      description: r.description,
      location: r.location,
      capacity: r.capacity,
      quantity: r.quantity,
      bookingMode: r.bookingMode,
      inKindRate: r.inKindRate === null ? null : Number(r.inKindRate),
      inKindUnit: r.inKindUnit,
      organisation: { slug: r.ownerSlug, name: r.ownerName },
    };
    if (!window) {
      items.push(item);
      continue;
    }
    const hours = r.hours ?? "";
    // Equipment is picked up and returned while open and may be kept overnight: only the window's ends must be open.
    if (r.kind === "equipment" ? !openAtHandover(hours) : !openThroughout(hours)) continue;
    // Hours and closures are settled above; the rules check adds lead time, horizon and length.
    const ruleViolations = checkBookingRules({
      period: window,
      quantity: need,
      now,
      rules: r,
      hours: [],
      blackouts: [],
    });
    items.push({ ...item, freeUnits: r.quantity - Number(r.held), ruleViolations });
  }
  return items.sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

/** `1 07:00 22:00,2 07:00 22:00` (as the search query aggregates them) to weekly intervals; "" is always open. */
function parseHours(key: string): WeeklyInterval[] {
  if (!key) return [];
  return key.split(",").map((part) => {
    const [weekday, start, end] = part.split(" ");
    return { weekday: Number(weekday) as Weekday, start, end };
  });
}

/**
 * `isOpenThroughout(hours, window)` for many resources: partners share the same hours, so each distinct set is
 * checked once; and a window over 8 days can only be open throughout if the hours cover the whole week (the
 * shortcut spares walking a month of days for every resource that closes at night).
 */
function openThroughoutChecker(window: Period): (key: string) => boolean {
  const long = window.end.getTime() - window.start.getTime() > 8 * DAY;
  return memoByKey((key) => {
    const hours = parseHours(key);
    return long && !coversWholeWeek(hours) ? false : isOpenThroughout(hours, window);
  });
}

/** A function of a set of weekly hours (as its aggregated string), computed once per distinct set. */
function memoByKey<T>(compute: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let result = seen.get(key);
    if (result === undefined) {
      result = compute(key);
      seen.set(key, result);
    }
    return result;
  };
}

/** True when the weekly hours leave no minute of the week closed (no hours at all means always open). */
function coversWholeWeek(hours: WeeklyInterval[]): boolean {
  if (hours.length === 0) return true;
  for (let day = 1; day <= 7; day++) {
    const spans = hours
      .filter((h) => h.weekday === day)
      .map((h) => [parseClock(h.start), parseClock(h.end)])
      .sort((a, b) => a[0] - b[0]);
    let reached = 0;
    for (const [start, end] of spans) if (start <= reached) reached = Math.max(reached, end);
    if (reached < 24 * 60) return false;
  }
  return true;
}
