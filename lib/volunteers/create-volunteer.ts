import type { Db } from "@/db/connect";
import { volunteers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { localDate } from "@/lib/domain/wall-clock";
import { replaceSkills } from "./volunteer-access";
import { checkVolunteerFields, createVolunteerSchema, type VolunteerFieldsInput } from "./volunteer-schema";

/**
 * Adds a volunteer to the actor's organisation. Contact details need a recorded consent (date and scope); the audit
 * entry names the fields that were filled, never their values.
 */
export async function createVolunteer(
  db: Db,
  actor: Actor | null,
  input: VolunteerFieldsInput,
  now: Date = new Date(),
): Promise<{ id: string }> {
  assertCan(actor, "volunteers.manage");
  const data = createVolunteerSchema.parse(input);
  checkVolunteerFields(data, localDate(now));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(volunteers)
      .values({
        organisationId: actor.organisationId,
        firstName: data.firstName,
        lastName: data.lastName,
        email: data.email,
        phone: data.phone,
        notes: data.notes,
        childrenCheckOn: data.childrenCheckOn,
        consentOn: data.consentOn,
        consentScope: data.consentScope,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: volunteers.id });
    await replaceSkills(tx, row.id, data.skills);
    const filled = (
      ["lastName", "email", "phone", "notes", "childrenCheckOn", "consentOn", "consentScope"] as const
    ).filter((k) => Boolean(data[k]));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "volunteer.create",
      entityType: "volunteer",
      entityId: row.id,
      after: { fields: ["firstName", ...filled], skills: data.skills.length },
    });
    return { id: row.id };
  });
}
