import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { volunteerQualifications, volunteerSkills, volunteers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { resolveSkills } from "./skills";
import { assertNotErased, lockOwnVolunteer } from "./volunteer-access";
import { addQualificationSchema, removeQualificationSchema } from "./volunteer-schema";

/**
 * Records a qualification (a first-aid certificate …) certifying one skill, valid until a date or without expiry.
 * The skill is added to the volunteer's skills too. Only the name and the date are kept, never a document.
 */
export async function addQualification(
  db: Db,
  actor: Actor | null,
  input: { volunteerId: string; skill: string; name: string; validUntil?: string | null },
  now: Date = new Date(),
): Promise<{ id: string }> {
  assertCan(actor, "volunteers.manage");
  const data = addQualificationSchema.parse(input);
  return db.transaction(async (tx) => {
    const volunteer = await lockOwnVolunteer(tx, actor, data.volunteerId);
    assertNotErased(volunteer);
    const [skill] = await resolveSkills(tx, [data.skill]);
    const [row] = await tx
      .insert(volunteerQualifications)
      .values({
        volunteerId: volunteer.id,
        skillId: skill.id,
        name: data.name,
        validUntil: data.validUntil,
        createdAt: now,
      })
      .returning({ id: volunteerQualifications.id });
    await tx.insert(volunteerSkills).values({ volunteerId: volunteer.id, skillId: skill.id }).onConflictDoNothing();
    await tx.update(volunteers).set({ updatedAt: now }).where(eq(volunteers.id, volunteer.id));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "volunteer.qualification.add",
      entityType: "volunteer",
      entityId: volunteer.id,
      after: { qualificationId: row.id, skillId: skill.id, fields: ["name", "validUntil"] },
    });
    return { id: row.id };
  });
}

/** Removes one qualification of the actor's own volunteer; another organisation's is `not_found`. */
export async function removeQualification(
  db: Db,
  actor: Actor | null,
  input: { volunteerId: string; qualificationId: string },
  now: Date = new Date(),
): Promise<{ id: string }> {
  assertCan(actor, "volunteers.manage");
  const data = removeQualificationSchema.parse(input);
  return db.transaction(async (tx) => {
    const volunteer = await lockOwnVolunteer(tx, actor, data.volunteerId);
    assertNotErased(volunteer);
    const removed = await tx
      .delete(volunteerQualifications)
      .where(
        and(
          eq(volunteerQualifications.id, data.qualificationId),
          eq(volunteerQualifications.volunteerId, volunteer.id),
        ),
      )
      .returning({ id: volunteerQualifications.id, skillId: volunteerQualifications.skillId });
    if (removed.length === 0) throw new AppError("not_found");
    await tx.update(volunteers).set({ updatedAt: now }).where(eq(volunteers.id, volunteer.id));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "volunteer.qualification.remove",
      entityType: "volunteer",
      entityId: volunteer.id,
      before: { qualificationId: removed[0].id, skillId: removed[0].skillId },
    });
    return { id: removed[0].id };
  });
}
