import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { memberships, organisations, users } from "@/db/schema";
import type { Actor } from "./permissions";

/**
 * Reads who is acting from the database, on every request: a disabled user, a removed member or an organisation
 * that is no longer active loses access at once, whatever the session token still says.
 * `preferredOrganisationId` picks among the user's organisations; an invalid one falls back to the first.
 */
export async function loadActor(
  db: Db,
  userId: string,
  preferredOrganisationId?: string | null,
): Promise<Actor | null> {
  const rows = await db
    .select({
      email: users.email,
      name: users.name,
      disabled: users.disabled,
      organisationId: organisations.id,
      slug: organisations.slug,
      organisationName: organisations.name,
      isLeader: organisations.isLeader,
      role: memberships.role,
      coordinator: memberships.coordinator,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, and(eq(organisations.id, memberships.organisationId), eq(organisations.status, "active")))
    .where(eq(users.id, userId))
    .orderBy(asc(organisations.name));
  const usable = rows.filter((r) => !r.disabled);
  if (usable.length === 0) return null;
  const current = usable.find((r) => r.organisationId === preferredOrganisationId) ?? usable[0];
  return {
    userId,
    email: current.email,
    name: current.name,
    organisationId: current.organisationId,
    organisationSlug: current.slug,
    organisationName: current.organisationName,
    role: current.role,
    coordinator: current.coordinator && current.isLeader,
    memberships: usable.map((r) => ({
      organisationId: r.organisationId,
      slug: r.slug,
      name: r.organisationName,
      role: r.role,
    })),
  };
}
