import { randomBytes } from "node:crypto";
import type { Db } from "@/db/connect";
import {
  bookings,
  memberships,
  organisations,
  resources,
  users,
  volunteerQualifications,
  volunteerSkills,
  volunteers,
} from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { toRange } from "@/lib/domain/period";
import { resolveSkills } from "@/lib/volunteers/skills";

const unique = () => randomBytes(4).toString("hex");
export const TEST_PASSWORD = "test-password-of-length";
let passwordHash: Promise<string> | undefined;

export async function createOrganisation(db: Db, values: Partial<typeof organisations.$inferInsert> = {}) {
  const slug = values.slug ?? `org-${unique()}`;
  const [org] = await db
    .insert(organisations)
    .values({ slug, name: `Organizacja ${slug}`, kind: "association", ...values })
    .returning();
  return org;
}

export async function createUser(db: Db, values: Partial<typeof users.$inferInsert> = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({
      email: `user-${unique()}@example.test`,
      name: "Testowa Osoba",
      passwordHash: await passwordHash,
      ...values,
    })
    .returning();
  return user;
}

/** A user who belongs to `organisationId` with `role`, and the actor as the app would load it. */
export async function createMember(
  db: Db,
  organisationId: string,
  role: "member" | "admin" = "member",
  extra: { coordinator?: boolean; user?: Partial<typeof users.$inferInsert> } = {},
): Promise<{ user: typeof users.$inferSelect; actor: Actor }> {
  const user = await createUser(db, extra.user);
  await db
    .insert(memberships)
    .values({ userId: user.id, organisationId, role, coordinator: extra.coordinator ?? false });
  const actor = await loadActor(db, user.id, organisationId);
  if (!actor) throw new Error("the new member could not act");
  return { user, actor };
}

export async function createResource(
  db: Db,
  organisationId: string,
  values: Partial<typeof resources.$inferInsert> = {},
) {
  const [resource] = await db
    .insert(resources)
    .values({ organisationId, kind: "premises", name: `Sala ${unique()}`, ...values })
    .returning();
  return resource;
}

export async function createBooking(
  db: Db,
  values: { resourceId: string; organisationId: string; start: Date; end: Date } & Partial<
    typeof bookings.$inferInsert
  >,
) {
  const { start, end, ...rest } = values;
  const [booking] = await db
    .insert(bookings)
    .values({ status: "approved", ...rest, period: toRange({ start, end }) })
    .returning();
  return booking;
}

/**
 * A volunteer of `organisationId` written straight to the table (use-cases are tested on their own), with skills by
 * name and qualifications `{ skill, validUntil }` (local dates `YYYY-MM-DD`).
 */
export async function createVolunteer(
  db: Db,
  organisationId: string,
  values: Partial<typeof volunteers.$inferInsert> & {
    skills?: string[];
    qualifications?: { skill: string; name?: string; validUntil: string | null }[];
  } = {},
) {
  const { skills: skillNames = [], qualifications = [], ...rest } = values;
  const [volunteer] = await db
    .insert(volunteers)
    .values({ organisationId, firstName: "Ola", lastName: `Testowa-${unique()}`, ...rest })
    .returning();
  const names = [...new Set([...skillNames, ...qualifications.map((q) => q.skill)])];
  const found = await resolveSkills(db, names);
  const idOf = (name: string) => {
    const skill = found.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!skill) throw new Error(`skill ${name} not resolved`);
    return skill.id;
  };
  if (skillNames.length > 0) {
    await db.insert(volunteerSkills).values(skillNames.map((s) => ({ volunteerId: volunteer.id, skillId: idOf(s) })));
  }
  if (qualifications.length > 0) {
    await db.insert(volunteerQualifications).values(
      qualifications.map((q) => ({
        volunteerId: volunteer.id,
        skillId: idOf(q.skill),
        name: q.name ?? q.skill,
        validUntil: q.validUntil,
      })),
    );
  }
  return volunteer;
}
