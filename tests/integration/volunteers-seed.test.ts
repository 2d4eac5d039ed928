import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import {
  organisations,
  resourceSkills,
  resources,
  resourceVolunteers,
  skills,
  users,
  volunteerQualifications,
  volunteers,
} from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { SENTINEL_VOLUNTEER_PHONE, seedSkills } from "@/db/seed-data";
import { loadActor } from "@/lib/auth/actor";
import { listVolunteers } from "@/lib/volunteers/list-volunteers";
import { getOfferTeam } from "@/lib/volunteers/offer-team";
import { createTestDatabase, testDriver } from "../helpers/db";

let h: DatabaseHandle;
const now = new Date("2026-11-26T11:00:00Z");
beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h.db, { now });
});
afterAll(async () => {
  await h?.close();
});

const actorOf = async (slug: string) => {
  const [u] = await h.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, `${slug}@partnerstwo.test`));
  const actor = await loadActor(h.db, u.id);
  if (!actor) throw new Error(`no actor for ${slug}`);
  return actor;
};

describe(`demo volunteers (${testDriver})`, () => {
  it("seeds the shared skills and volunteers of PCK, Commando, Razem, Caritas and TOP", async () => {
    const names = (await h.db.select({ name: skills.name }).from(skills)).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(seedSkills));
    const perOrg = await h.db
      .select({ slug: organisations.slug, n: sql<number>`count(*)::int` })
      .from(volunteers)
      .innerJoin(organisations, eq(organisations.id, volunteers.organisationId))
      .groupBy(organisations.slug);
    expect(perOrg.map((r) => r.slug).sort()).toEqual(["caritas", "commando", "pck", "razem", "top"]);
    // The rule the app keeps: contact details only with a recorded consent.
    const unconsented = await h.db
      .select({ id: volunteers.id })
      .from(volunteers)
      .where(
        sql`(${volunteers.email} IS NOT NULL OR ${volunteers.phone} IS NOT NULL) AND ${volunteers.consentOn} IS NULL`,
      );
    expect(unconsented).toEqual([]);
  });

  it("keeps the contracts other work relies on: the sentinel, a PCK volunteer ready for children, the self-defence team", async () => {
    const [sentinel] = await h.db
      .select({ slug: organisations.slug })
      .from(volunteers)
      .innerJoin(organisations, eq(organisations.id, volunteers.organisationId))
      .where(eq(volunteers.phone, SENTINEL_VOLUNTEER_PHONE));
    expect(sentinel.slug).toBe("pck");

    const ready = await h.db
      .select({ firstName: volunteers.firstName, check: volunteers.childrenCheckOn })
      .from(volunteerQualifications)
      .innerJoin(volunteers, eq(volunteers.id, volunteerQualifications.volunteerId))
      .innerJoin(organisations, eq(organisations.id, volunteers.organisationId))
      .innerJoin(skills, eq(skills.id, volunteerQualifications.skillId))
      .where(
        and(
          eq(organisations.slug, "pck"),
          eq(skills.name, "Pierwsza pomoc"),
          eq(volunteerQualifications.validUntil, "2028-12-31"),
        ),
      );
    expect(ready).toHaveLength(1);
    expect(ready[0].check).not.toBeNull();

    const [offer] = await h.db
      .select({ id: resources.id })
      .from(resources)
      .innerJoin(organisations, eq(organisations.id, resources.organisationId))
      .where(and(eq(organisations.slug, "commando"), eq(resources.kind, "expertise")));
    const team = await h.db.select().from(resourceVolunteers).where(eq(resourceVolunteers.resourceId, offer.id));
    expect(team).toHaveLength(2);
    const tags = await h.db
      .select({ name: skills.name })
      .from(resourceSkills)
      .innerJoin(skills, eq(skills.id, resourceSkills.skillId))
      .where(eq(resourceSkills.resourceId, offer.id));
    expect(tags.map((t) => t.name)).toEqual(["Samoobrona"]);
  });

  it("shows the sentinel to PCK only: not in other partners' lists or on any offer's team", async () => {
    const pck = await actorOf("pck");
    expect(JSON.stringify(await listVolunteers(h.db, pck, { show: "all" }, now))).toContain(SENTINEL_VOLUNTEER_PHONE);
    const offers = await h.db.select({ id: resources.id }).from(resources).where(eq(resources.kind, "expertise"));
    for (const slug of ["razem", "commando", "caritas", "mops", "top"]) {
      const actor = await actorOf(slug);
      expect(JSON.stringify(await listVolunteers(h.db, actor, { show: "all" }, now))).not.toContain(
        SENTINEL_VOLUNTEER_PHONE,
      );
      for (const offer of offers) {
        const seen = JSON.stringify(await getOfferTeam(h.db, actor, offer.id, now));
        expect(seen).not.toContain(SENTINEL_VOLUNTEER_PHONE);
        expect(seen).not.toContain("Zieliński");
      }
    }
  });
});
