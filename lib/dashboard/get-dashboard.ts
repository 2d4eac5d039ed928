import { aliasedTable, and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { bookings, organisations, resources } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { countHoursTodo } from "@/lib/engagements/list-engagements";

const asDate = (v: unknown) => new Date(v as string);
const startOf = sql`lower(${bookings.period})`.mapWith(asDate);
const endOf = sql`upper(${bookings.period})`.mapWith(asDate);
const active = inArray(bookings.status, ["pending", "approved"]);

const ownerOrg = aliasedTable(organisations, "owner_org");

/**
 * The signed-in organisation's desk: requests waiting for its answer, what it lends in the coming week and what it
 * borrows next. Every query is filtered by the actor's organisation.
 */
export async function getDashboard(db: Db, actor: Actor | null, now = new Date()) {
  assertCan(actor, "organisation.view");
  const orgId = actor.organisationId;
  const weekAhead = new Date(now.getTime() + 7 * 86_400_000);
  // Requests that have not started yet: one that has can no longer be approved (the sweep expires it).
  const notStarted = sql`lower(${bookings.period}) > ${now.toISOString()}::timestamptz`;

  const bookingFields = {
    id: bookings.id,
    status: bookings.status,
    start: startOf,
    end: endOf,
    quantity: bookings.quantity,
    purpose: bookings.purpose,
    resourceId: resources.id,
    resourceName: resources.name,
    resourceKind: resources.kind,
  };

  const [waiting, [waitingTotal], lending, borrowing, shared, hours] = await Promise.all([
    db
      .select({ ...bookingFields, counterpart: organisations.name })
      .from(bookings)
      .innerJoin(resources, eq(resources.id, bookings.resourceId))
      .innerJoin(organisations, eq(organisations.id, bookings.organisationId))
      .where(and(eq(resources.organisationId, orgId), eq(bookings.status, "pending"), notStarted))
      .orderBy(asc(startOf))
      .limit(10),
    db
      .select({ n: count() })
      .from(bookings)
      .innerJoin(resources, eq(resources.id, bookings.resourceId))
      .where(and(eq(resources.organisationId, orgId), eq(bookings.status, "pending"), notStarted)),
    db
      .select({ ...bookingFields, counterpart: organisations.name })
      .from(bookings)
      .innerJoin(resources, eq(resources.id, bookings.resourceId))
      .innerJoin(organisations, eq(organisations.id, bookings.organisationId))
      .where(
        and(
          eq(resources.organisationId, orgId),
          eq(bookings.status, "approved"),
          sql`${bookings.period} && tstzrange(${now.toISOString()}::timestamptz, ${weekAhead.toISOString()}::timestamptz)`,
        ),
      )
      .orderBy(asc(startOf))
      .limit(20),
    db
      .select({ ...bookingFields, counterpart: ownerOrg.name })
      .from(bookings)
      .innerJoin(resources, eq(resources.id, bookings.resourceId))
      .innerJoin(ownerOrg, eq(ownerOrg.id, resources.organisationId))
      .where(
        and(
          eq(bookings.organisationId, orgId),
          active,
          sql`upper(${bookings.period}) > ${now.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(asc(startOf))
      .limit(10),
    db
      .select({ kind: resources.kind, n: count() })
      .from(resources)
      .where(and(eq(resources.organisationId, orgId), eq(resources.status, "active")))
      .groupBy(resources.kind),
    // Volunteer hours waiting for this organisation: to record (its volunteers' work) and to confirm (work for it).
    countHoursTodo(db, orgId, now),
  ]);

  const sharedCount = (kind: "premises" | "equipment" | "expertise") => shared.find((s) => s.kind === kind)?.n ?? 0;
  return {
    waiting,
    waitingTotal: waitingTotal?.n ?? 0,
    lending,
    borrowing,
    hours,
    shared: {
      premises: sharedCount("premises"),
      equipment: sharedCount("equipment"),
      expertise: sharedCount("expertise"),
    },
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
