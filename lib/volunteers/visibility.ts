import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { skills, volunteerSkills, volunteers } from "@/db/schema";

/**
 * The one privacy rule for volunteers' personal data (names beyond the first, e-mail, phone, notes):
 * the volunteer's own organisation sees them; a receiving organisation sees them for the time of an approved
 * engagement (from assignment until the engagement ends); everyone else sees the first name and skills only.
 * Every query that returns personal fields must select them through `contactVisibleTo` or `volunteerCards`.
 */
export function contactVisibleTo(organisationId: string, now: Date): SQL {
  return sql`(${volunteers.organisationId} = ${organisationId} OR EXISTS (
    SELECT 1 FROM engagements e
    WHERE e.volunteer_id = ${volunteers.id}
      AND e.receiving_organisation_id = ${organisationId}
      AND e.status = 'active'
      AND upper(e.period) > ${now.toISOString()}::timestamptz))`;
}

export interface VolunteerContact {
  lastName: string;
  email: string | null;
  phone: string | null;
}

/** What any partner may know of a volunteer, plus contact details only where `contactVisibleTo` allows. */
export interface VolunteerCard {
  id: string;
  organisationId: string;
  firstName: string;
  skills: string[];
  erased: boolean;
  contact: VolunteerContact | null;
}

/** Cards of the given volunteers as `organisationId` may see them at `now`, in the order of first names. */
export async function volunteerCards(
  db: Db,
  organisationId: string,
  ids: readonly string[],
  now: Date = new Date(),
): Promise<VolunteerCard[]> {
  if (ids.length === 0) return [];
  const visible = contactVisibleTo(organisationId, now);
  const rows = await db
    .select({
      id: volunteers.id,
      organisationId: volunteers.organisationId,
      firstName: volunteers.firstName,
      erasedAt: volunteers.erasedAt,
      visible: sql<boolean>`${visible}`,
      lastName: sql<string | null>`CASE WHEN ${visible} THEN ${volunteers.lastName} END`,
      email: sql<string | null>`CASE WHEN ${visible} THEN ${volunteers.email} END`,
      phone: sql<string | null>`CASE WHEN ${visible} THEN ${volunteers.phone} END`,
    })
    .from(volunteers)
    .where(inArray(volunteers.id, [...ids]))
    .orderBy(asc(volunteers.firstName), asc(volunteers.id));
  const tags = await db
    .select({ volunteerId: volunteerSkills.volunteerId, name: skills.name })
    .from(volunteerSkills)
    .innerJoin(skills, eq(skills.id, volunteerSkills.skillId))
    .where(and(inArray(volunteerSkills.volunteerId, [...ids])))
    .orderBy(asc(skills.name));
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    firstName: r.firstName,
    skills: tags.filter((t) => t.volunteerId === r.id).map((t) => t.name),
    erased: r.erasedAt !== null,
    contact: r.visible ? { lastName: r.lastName ?? "", email: r.email, phone: r.phone } : null,
  }));
}
