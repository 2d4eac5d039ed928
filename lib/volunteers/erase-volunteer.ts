import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { engagements, resourceVolunteers, volunteerQualifications, volunteerSkills, volunteers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { lockOwnVolunteer } from "./volunteer-access";
import { PERSONAL_FIELDS, volunteerIdSchema } from "./volunteer-schema";

/** What an erased volunteer is called from then on (the UI shows its own translated words for erased records). */
export const ERASED_NAME = "Wolontariusz (dane usunięte)";

export interface ErasedVolunteer {
  id: string;
  /** False when the volunteer had been erased before (erasing again changes nothing). */
  erased: boolean;
}

/**
 * Erases a volunteer's personal data for good (RODO art. 17): names, contact, notes, the children-work check,
 * consent, qualifications, skills, the link to a user account and places in offers' teams. The row stays as an
 * anonymous placeholder, so its engagements — and confirmed hours in every total — stay. Refused while an active
 * engagement has not ended (cancel it first: the receiving organisation counts on that person). The audit entry
 * names the erased fields, never their values.
 */
export async function eraseVolunteer(
  db: Db,
  actor: Actor | null,
  input: { volunteerId: string },
  now: Date = new Date(),
): Promise<ErasedVolunteer> {
  assertCan(actor, "volunteers.manage");
  const { volunteerId } = volunteerIdSchema.parse(input ?? {});
  return db.transaction(async (tx) => {
    const row = await lockOwnVolunteer(tx, actor, volunteerId);
    if (row.erasedAt) return { id: row.id, erased: false };
    const [{ upcoming }] = await tx
      .select({ upcoming: count() })
      .from(engagements)
      .where(
        and(
          eq(engagements.volunteerId, row.id),
          eq(engagements.status, "active"),
          sql`upper(${engagements.period}) > ${now.toISOString()}::timestamptz`,
        ),
      );
    if (upcoming > 0) {
      throw new AppError("invalid_state", { reason: "volunteer_upcoming_engagements", count: Number(upcoming) });
    }
    const quals = await tx
      .delete(volunteerQualifications)
      .where(eq(volunteerQualifications.volunteerId, row.id))
      .returning({ id: volunteerQualifications.id });
    const tags = await tx
      .delete(volunteerSkills)
      .where(eq(volunteerSkills.volunteerId, row.id))
      .returning({ id: volunteerSkills.skillId });
    const teams = await tx
      .delete(resourceVolunteers)
      .where(eq(resourceVolunteers.volunteerId, row.id))
      .returning({ id: resourceVolunteers.resourceId });
    await tx
      .update(volunteers)
      .set({
        firstName: ERASED_NAME,
        lastName: "",
        email: null,
        phone: null,
        notes: "",
        childrenCheckOn: null,
        consentOn: null,
        consentScope: "",
        userId: null,
        active: false,
        erasedAt: now,
        updatedAt: now,
      })
      .where(and(eq(volunteers.id, row.id), eq(volunteers.organisationId, actor.organisationId)));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "volunteer.erase",
      entityType: "volunteer",
      entityId: row.id,
      after: {
        erasedFields: [...PERSONAL_FIELDS, "userId"],
        qualifications: quals.length,
        skills: tags.length,
        offers: teams.length,
      },
    });
    return { id: row.id, erased: true };
  });
}
