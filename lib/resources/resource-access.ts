import { and, eq, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations, resources } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import type { WeeklyInterval } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import { uuidParam } from "@/lib/validation";
import type { ResourceRow } from "./booking-context";

const ACTIVE = "active";

/**
 * Which resources an organisation may see: its own (archived ones too), and every other partner's active resource
 * while that partner is active. Needs `organisations` joined as the owner.
 */
export const visibleTo = (actor: Actor): SQL =>
  or(
    eq(resources.organisationId, actor.organisationId),
    and(eq(resources.status, ACTIVE), eq(organisations.status, ACTIVE)),
  ) as SQL;

/** A resource id from a path or a form: anything that is not a UUID names nothing, so it is `not_found`. */
export function resourceIdOf(value: unknown): string {
  const parsed = uuidParam.safeParse(value);
  if (!parsed.success) throw new AppError("not_found");
  return parsed.data;
}

export interface OwnedResource {
  row: ResourceRow;
  owner: { slug: string; name: string };
}

/** A visible resource with its owner, or `not_found`; other organisations' archived resources are not visible. */
export async function findVisibleResource(db: Db, actor: Actor, resourceId: string): Promise<OwnedResource> {
  const [found] = await db
    .select({ row: resources, slug: organisations.slug, name: organisations.name })
    .from(resources)
    .innerJoin(organisations, eq(organisations.id, resources.organisationId))
    .where(and(eq(resources.id, resourceIdOf(resourceId)), visibleTo(actor)))
    .limit(1);
  if (!found) throw new AppError("not_found");
  return { row: found.row, owner: { slug: found.slug, name: found.name } };
}

/**
 * Locks the actor's own resource for a change, inside the caller's transaction. Invisible → `not_found`;
 * visible but another organisation's → `forbidden` (the partner's active resource is public anyway).
 */
export async function lockOwnResource(tx: Db, actor: Actor, resourceId: string): Promise<OwnedResource> {
  const [found] = await tx
    .select({ row: resources, slug: organisations.slug, name: organisations.name })
    .from(resources)
    .innerJoin(organisations, eq(organisations.id, resources.organisationId))
    .where(and(eq(resources.id, resourceIdOf(resourceId)), visibleTo(actor)))
    .for("update", { of: resources });
  if (!found) throw new AppError("not_found");
  if (found.row.organisationId !== actor.organisationId) throw new AppError("forbidden");
  return { row: found.row, owner: { slug: found.slug, name: found.name } };
}

/** The resource as use-cases return it (and the API sends it): rules, details, owner and weekly hours. */
export function resourceView(row: ResourceRow, owner: { slug: string; name: string }, hours: WeeklyInterval[]) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    location: row.location,
    capacity: row.capacity,
    quantity: row.quantity,
    bookingMode: row.bookingMode,
    minMinutes: row.minMinutes,
    maxMinutes: row.maxMinutes,
    leadMinutes: row.leadMinutes,
    horizonDays: row.horizonDays,
    bufferMinutes: row.bufferMinutes,
    inKindRate: row.inKindRate === null ? null : Number(row.inKindRate),
    inKindUnit: row.inKindUnit,
    details: row.details,
    status: row.status,
    organisation: owner,
    openingHours: hours,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type ResourceView = ReturnType<typeof resourceView>;

/** Opening-hours rows for a resource, from "HH:MM" intervals ("24:00" is a valid end of the `time` column). */
export const hoursRows = (resourceId: string, hours: WeeklyInterval[]) =>
  hours.map((h) => ({ resourceId, weekday: h.weekday, startTime: h.start, endTime: h.end }));

/** Weekly hours in the order they are read back: by weekday, then start. */
export const sortHours = (hours: WeeklyInterval[]) =>
  [...hours].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
