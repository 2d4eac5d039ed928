import { AppError } from "@/lib/errors";

export type Role = "member" | "admin" | "coordinator";

export interface Actor {
  userId: string;
  email: string;
  name: string;
  organisationId: string;
  organisationSlug: string;
  organisationName: string;
  role: "member" | "admin";
  /** Holds the partnership coordinator role (only possible in the leading organisation). */
  coordinator: boolean;
  /** Other organisations this user may switch to. */
  memberships: { organisationId: string; slug: string; name: string; role: "member" | "admin" }[];
}

/** The one role → permission table. Coordinator rights add to the rights of the user's role in MOPS. */
export const permissions = {
  "organisation.view": ["member", "admin", "coordinator"],
  "organisation.update": ["admin"],
  "members.view": ["member", "admin"],
  "members.manage": ["admin"],
  "resources.manage": ["member", "admin"],
  "bookings.request": ["member", "admin"],
  "bookings.decide": ["member", "admin"],
  "reports.own": ["admin", "coordinator"],
  "reports.all": ["coordinator"],
  "partners.admit": ["coordinator"],
  "audit.view": ["coordinator"],
  /** Keep the organisation's volunteers (personal data), their offers' teams, record their hours. */
  "volunteers.manage": ["member", "admin"],
  /** Post needs, answer them, accept answers, confirm or dispute hours given to the organisation. */
  "needs.manage": ["member", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function rolesOf(actor: Pick<Actor, "role" | "coordinator">): Role[] {
  return actor.coordinator ? [actor.role, "coordinator"] : [actor.role];
}

export function can(actor: Pick<Actor, "role" | "coordinator"> | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const allowed: readonly Role[] = permissions[permission];
  return rolesOf(actor).some((r) => allowed.includes(r));
}

/** Throws `unauthenticated` without an actor and `forbidden` without the permission. */
export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated");
  if (!can(actor, permission)) throw new AppError("forbidden", { permission });
}
