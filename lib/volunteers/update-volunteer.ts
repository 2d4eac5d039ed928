import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { skills, volunteerSkills, volunteers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { localDate } from "@/lib/domain/wall-clock";
import { assertNotErased, changedFields, lockOwnVolunteer, replaceSkills } from "./volunteer-access";
import {
  checkVolunteerFields,
  PERSONAL_FIELDS,
  updateVolunteerSchema,
  type VolunteerFieldsInput,
} from "./volunteer-schema";

/** Changes a volunteer of the actor's organisation (every field, skills included). Erased volunteers are final. */
export async function updateVolunteer(
  db: Db,
  actor: Actor | null,
  input: VolunteerFieldsInput & { volunteerId: string },
  now: Date = new Date(),
): Promise<{ id: string; changed: string[] }> {
  assertCan(actor, "volunteers.manage");
  const { volunteerId, ...data } = updateVolunteerSchema.parse(input);
  checkVolunteerFields(data, localDate(now));
  return db.transaction(async (tx) => {
    const row = await lockOwnVolunteer(tx, actor, volunteerId);
    assertNotErased(row);
    const next = {
      firstName: data.firstName,
      lastName: data.lastName,
      email: data.email,
      phone: data.phone,
      notes: data.notes,
      childrenCheckOn: data.childrenCheckOn,
      consentOn: data.consentOn,
      consentScope: data.consentScope,
    };
    const changed = changedFields(row, next, PERSONAL_FIELDS);
    const before = await tx
      .select({ name: skills.name })
      .from(volunteerSkills)
      .innerJoin(skills, eq(skills.id, volunteerSkills.skillId))
      .where(eq(volunteerSkills.volunteerId, row.id))
      .orderBy(asc(skills.name));
    const key = (names: string[]) =>
      names
        .map((n) => n.toLowerCase())
        .sort()
        .join("\n");
    if (key(before.map((s) => s.name)) !== key(data.skills)) changed.push("skills");
    if (changed.length === 0) return { id: row.id, changed };
    await tx
      .update(volunteers)
      .set({ ...next, updatedAt: now })
      .where(and(eq(volunteers.id, row.id), eq(volunteers.organisationId, actor.organisationId)));
    await replaceSkills(tx, row.id, data.skills);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "volunteer.update",
      entityType: "volunteer",
      entityId: row.id,
      after: { changed },
    });
    return { id: row.id, changed };
  });
}
