import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { blackouts } from "@/db/schema";
import { type Actor, assertCan, can } from "@/lib/auth/permissions";
import { parseRange } from "@/lib/domain/period";
import { loadOpeningHours } from "./booking-context";
import { findVisibleResource, type ResourceView, resourceView } from "./resource-access";

export type ResourceDetails = ResourceView & {
  /** Closures that have not ended yet, soonest first. */
  blackouts: { id: string; start: Date; end: Date; reason: string }[];
  /** The actor's organisation owns the resource and the actor may edit it. */
  canManage: boolean;
};

/**
 * One resource with its owner, weekly hours and coming closures. Any partner sees an active resource of an active
 * partner; an archived one only its owner sees (for everybody else it is `not_found`, like an unknown id).
 */
export async function getResource(
  db: Db,
  actor: Actor | null,
  resourceId: string,
  now: Date = new Date(),
): Promise<ResourceDetails> {
  assertCan(actor, "organisation.view");
  const { row, owner } = await findVisibleResource(db, actor, resourceId);
  const [hours, closures] = await Promise.all([
    loadOpeningHours(db, row.id),
    db
      .select({ id: blackouts.id, period: blackouts.period, reason: blackouts.reason })
      .from(blackouts)
      .where(and(eq(blackouts.resourceId, row.id), sql`upper(${blackouts.period}) > ${now.toISOString()}::timestamptz`))
      .orderBy(asc(sql`lower(${blackouts.period})`)),
  ]);
  return {
    ...resourceView(row, owner, hours),
    blackouts: closures.map((b) => ({ id: b.id, ...parseRange(b.period), reason: b.reason })),
    canManage: row.organisationId === actor.organisationId && can(actor, "resources.manage"),
  };
}
