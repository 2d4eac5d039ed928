import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { resourceSkills, resourceVolunteers, skills, volunteerSkills, volunteers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan, can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { findVisibleResource, lockOwnResource } from "@/lib/resources/resource-access";
import { uuidParam } from "@/lib/validation";
import { resolveSkills, skillNameSchema } from "./skills";
import { type VolunteerCard, volunteerCards } from "./visibility";

export interface OfferSkill {
  name: string;
  certificateRequired: boolean;
}

/** One of the owner's volunteers as a candidate for an offer's team (the owner sees its own people in full). */
export interface TeamCandidate {
  id: string;
  firstName: string;
  lastName: string;
  skills: string[];
  active: boolean;
  inTeam: boolean;
}

export interface OfferTeam {
  resourceId: string;
  skills: OfferSkill[];
  /** The team as the actor may see it: first names and skills, contact only where the privacy rule allows. */
  team: VolunteerCard[];
  canManage: boolean;
  /** For the owner: its volunteers who are not erased, team members first. Empty for everybody else. */
  candidates: TeamCandidate[];
}

/**
 * An expertise offer's skill tags and the volunteers who can deliver it. Any partner who may see the offer sees the
 * tags and the team's cards (active volunteers only); the owner also gets its own volunteers to choose from.
 */
export async function getOfferTeam(
  db: Db,
  actor: Actor | null,
  resourceId: string,
  now: Date = new Date(),
): Promise<OfferTeam> {
  assertCan(actor, "organisation.view");
  const { row } = await findVisibleResource(db, actor, resourceId);
  if (row.kind !== "expertise") throw new AppError("not_found");
  const own = row.organisationId === actor.organisationId;
  const canManage = own && can(actor, "volunteers.manage");
  const [tags, members] = await Promise.all([
    db
      .select({ name: skills.name, certificateRequired: resourceSkills.certificateRequired })
      .from(resourceSkills)
      .innerJoin(skills, eq(skills.id, resourceSkills.skillId))
      .where(eq(resourceSkills.resourceId, row.id))
      .orderBy(asc(sql`lower(${skills.name})`)),
    db
      .select({ id: volunteers.id, active: volunteers.active })
      .from(resourceVolunteers)
      .innerJoin(volunteers, eq(volunteers.id, resourceVolunteers.volunteerId))
      .where(
        and(
          eq(resourceVolunteers.resourceId, row.id),
          eq(volunteers.organisationId, row.organisationId),
          isNull(volunteers.erasedAt),
        ),
      ),
  ]);
  const shown = members.filter((m) => own || m.active).map((m) => m.id);
  const team = await volunteerCards(db, actor.organisationId, shown, now);
  let candidates: TeamCandidate[] = [];
  if (canManage) {
    const mine = await db
      .select({
        id: volunteers.id,
        firstName: volunteers.firstName,
        lastName: volunteers.lastName,
        active: volunteers.active,
      })
      .from(volunteers)
      .where(and(eq(volunteers.organisationId, actor.organisationId), isNull(volunteers.erasedAt)))
      .orderBy(asc(volunteers.firstName), asc(volunteers.lastName));
    const ids = mine.map((m) => m.id);
    const mineTags =
      ids.length === 0
        ? []
        : await db
            .select({ volunteerId: volunteerSkills.volunteerId, name: skills.name })
            .from(volunteerSkills)
            .innerJoin(skills, eq(skills.id, volunteerSkills.skillId))
            .where(inArray(volunteerSkills.volunteerId, ids))
            .orderBy(asc(sql`lower(${skills.name})`));
    const inTeam = new Set(members.map((m) => m.id));
    candidates = mine
      .map((m) => ({
        ...m,
        skills: mineTags.filter((t) => t.volunteerId === m.id).map((t) => t.name),
        inTeam: inTeam.has(m.id),
      }))
      .filter((m) => m.active || m.inTeam)
      .sort((a, b) => Number(b.inTeam) - Number(a.inTeam));
  }
  return { resourceId: row.id, skills: tags, team, canManage, candidates };
}

export const offerSkillsSchema = z.object({
  resourceId: uuidParam,
  skills: z
    .array(z.object({ name: skillNameSchema, certificateRequired: z.boolean("invalid").default(false) }), "invalid")
    .max(20, "too_big")
    .transform((list) => {
      // One tag per skill, case-insensitively; a duplicate that asks for a certificate wins.
      const byKey = new Map<string, OfferSkill>();
      for (const s of list) {
        const key = s.name.toLocaleLowerCase("pl");
        const seen = byKey.get(key);
        byKey.set(key, {
          name: seen?.name ?? s.name,
          certificateRequired: (seen?.certificateRequired ?? false) || s.certificateRequired,
        });
      }
      return [...byKey.values()];
    }),
});
export type OfferSkillsInput = z.input<typeof offerSkillsSchema>;

/** Replaces the skill tags of the actor's own expertise offer; new skills join the partnership's shared list. */
export async function updateOfferSkills(
  db: Db,
  actor: Actor | null,
  input: OfferSkillsInput,
  _now: Date = new Date(),
): Promise<{ skills: OfferSkill[] }> {
  assertCan(actor, "volunteers.manage");
  const data = offerSkillsSchema.parse(input);
  return db.transaction(async (tx) => {
    const { row } = await lockOwnResource(tx, actor, data.resourceId);
    if (row.kind !== "expertise") throw new AppError("invalid_state", { reason: "offer_not_expertise" });
    const found = await resolveSkills(
      tx,
      data.skills.map((s) => s.name),
    );
    const byKey = new Map(found.map((s) => [s.name.toLocaleLowerCase("pl"), s]));
    const tags = data.skills.map((s) => {
      const skill = byKey.get(s.name.toLocaleLowerCase("pl")) as { id: string; name: string };
      return { skillId: skill.id, name: skill.name, certificateRequired: s.certificateRequired };
    });
    await tx.delete(resourceSkills).where(eq(resourceSkills.resourceId, row.id));
    if (tags.length > 0) {
      await tx
        .insert(resourceSkills)
        .values(
          tags.map((s) => ({ resourceId: row.id, skillId: s.skillId, certificateRequired: s.certificateRequired })),
        );
    }
    const skillsNow = tags.map(({ name, certificateRequired }) => ({ name, certificateRequired }));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "resource.skills",
      entityType: "resource",
      entityId: row.id,
      after: { skills: skillsNow },
    });
    return { skills: skillsNow };
  });
}

export const offerTeamSchema = z.object({
  resourceId: uuidParam,
  volunteerIds: z.array(uuidParam, "invalid").max(200, "too_big"),
});
export type OfferTeamInput = z.input<typeof offerTeamSchema>;

/**
 * Sets who can deliver the actor's own expertise offer: its own volunteers only (another organisation's, an erased
 * or unknown one is `not_found`). Engagements already agreed are not touched.
 */
export async function updateOfferTeam(
  db: Db,
  actor: Actor | null,
  input: OfferTeamInput,
  _now: Date = new Date(),
): Promise<{ volunteerIds: string[] }> {
  assertCan(actor, "volunteers.manage");
  const data = offerTeamSchema.parse(input);
  const ids = [...new Set(data.volunteerIds)];
  return db.transaction(async (tx) => {
    const { row } = await lockOwnResource(tx, actor, data.resourceId);
    if (row.kind !== "expertise") throw new AppError("invalid_state", { reason: "offer_not_expertise" });
    if (ids.length > 0) {
      const mine = await tx
        .select({ id: volunteers.id })
        .from(volunteers)
        .where(
          and(
            inArray(volunteers.id, ids),
            eq(volunteers.organisationId, actor.organisationId),
            isNull(volunteers.erasedAt),
          ),
        );
      if (mine.length !== ids.length) throw new AppError("not_found");
    }
    const before = await tx
      .select({ id: resourceVolunteers.volunteerId })
      .from(resourceVolunteers)
      .where(eq(resourceVolunteers.resourceId, row.id));
    await tx.delete(resourceVolunteers).where(eq(resourceVolunteers.resourceId, row.id));
    if (ids.length > 0) {
      await tx.insert(resourceVolunteers).values(ids.map((volunteerId) => ({ resourceId: row.id, volunteerId })));
    }
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "resource.team",
      entityType: "resource",
      entityId: row.id,
      before: { volunteerIds: before.map((b) => b.id) },
      after: { volunteerIds: ids },
    });
    return { volunteerIds: ids };
  });
}
