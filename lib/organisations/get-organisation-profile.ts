import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { memberships, organisations, resources } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/**
 * A partner's public profile and the resources it shares. Every signed-in partner may read it; only the
 * organisation's own members see its member count (members themselves are private, see list-members.ts).
 */
export async function getOrganisationProfile(db: Db, actor: Actor | null, slug: string) {
  assertCan(actor, "organisation.view");
  const [org] = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      status: organisations.status,
      isLeader: organisations.isLeader,
      description: organisations.description,
      contactEmail: organisations.contactEmail,
      contactPhone: organisations.contactPhone,
      website: organisations.website,
      address: organisations.address,
    })
    .from(organisations)
    .where(and(eq(organisations.slug, slug), eq(organisations.status, "active")))
    .limit(1);
  if (!org) throw new AppError("not_found");

  const shared = await db
    .select({
      id: resources.id,
      kind: resources.kind,
      name: resources.name,
      location: resources.location,
      capacity: resources.capacity,
      quantity: resources.quantity,
      bookingMode: resources.bookingMode,
    })
    .from(resources)
    .where(and(eq(resources.organisationId, org.id), eq(resources.status, "active")))
    .orderBy(asc(resources.kind), asc(resources.name));

  const own = org.id === actor.organisationId;
  let memberCount: number | null = null;
  if (own) {
    const [row] = await db.select({ n: count() }).from(memberships).where(eq(memberships.organisationId, org.id));
    memberCount = row?.n ?? 0;
  }
  return { ...org, own, memberCount, resources: shared };
}
