import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import {
  auditLog,
  engagements,
  resourceVolunteers,
  volunteerQualifications,
  volunteerSkills,
  volunteers,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { toRange } from "@/lib/domain/period";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { getCertificate } from "@/lib/volunteers/certificate";
import { certificatePdf } from "@/lib/volunteers/certificate-pdf";
import { createVolunteer } from "@/lib/volunteers/create-volunteer";
import { ERASED_NAME, eraseVolunteer } from "@/lib/volunteers/erase-volunteer";
import { exportVolunteer } from "@/lib/volunteers/export-volunteer";
import { getVolunteer } from "@/lib/volunteers/get-volunteer";
import { listVolunteers } from "@/lib/volunteers/list-volunteers";
import { getOfferTeam, updateOfferSkills, updateOfferTeam } from "@/lib/volunteers/offer-team";
import { addQualification, removeQualification } from "@/lib/volunteers/qualifications";
import { setVolunteerActive } from "@/lib/volunteers/set-volunteer-active";
import { resolveSkills } from "@/lib/volunteers/skills";
import { updateVolunteer } from "@/lib/volunteers/update-volunteer";
import { volunteerCards } from "@/lib/volunteers/visibility";
import { codeOf } from "../helpers/codes";
import { createTestDatabase, testDriver } from "../helpers/db";
import {
  createBooking,
  createMember,
  createOrganisation,
  createResource,
  createVolunteer as insertVolunteer,
} from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const NOW = new Date("2026-11-26T10:00:00Z");

/** The name of the error a call fails with (`ZodError` for bad input, `AppError` for a refusal), or "ok". */
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (error: Error) => error.name,
  );
const PHONE = "+48 555 010 777";

const person = (extra: Record<string, unknown> = {}) => ({
  firstName: "Anna",
  lastName: "Kowalczyk",
  email: "Anna.Kowalczyk@example.test",
  phone: PHONE,
  notes: "Woli weekendy.",
  skills: "Pierwsza pomoc, Fotografia",
  childrenCheckOn: "2025-09-15",
  consentOn: "2025-09-01",
  consentScope: "Kontakt w sprawie zaangażowań w partnerstwie",
  ...extra,
});

/** An engagement of `volunteerId` for `receivingId`, as V2's use-cases would write it (straight to the table here). */
async function engagement(
  volunteerId: string,
  ownerId: string,
  receivingId: string,
  start: Date,
  end: Date,
  values: Partial<typeof engagements.$inferInsert> = {},
) {
  const resource = await createResource(h.db, ownerId, { kind: "expertise", name: "Kurs pierwszej pomocy" });
  const booking = await createBooking(h.db, { resourceId: resource.id, organisationId: receivingId, start, end });
  const [row] = await h.db
    .insert(engagements)
    .values({
      volunteerId,
      organisationId: ownerId,
      receivingOrganisationId: receivingId,
      bookingId: booking.id,
      title: resource.name,
      period: toRange({ start, end }),
      ...values,
    })
    .returning();
  return row;
}

describe(`volunteers: registry (${testDriver})`, () => {
  let orgA: string;
  let orgB: string;
  let adminA: Actor;
  let memberA: Actor;
  let adminB: Actor;

  beforeAll(async () => {
    orgA = (await createOrganisation(h.db, { name: "PCK test" })).id;
    orgB = (await createOrganisation(h.db, { name: "Razem test" })).id;
    adminA = (await createMember(h.db, orgA, "admin")).actor;
    memberA = (await createMember(h.db, orgA, "member")).actor;
    adminB = (await createMember(h.db, orgB, "admin")).actor;
  });

  it("creates, reads and updates a volunteer of the own organisation; a member may too", async () => {
    const { id } = await createVolunteer(h.db, memberA, person(), NOW);
    const v = await getVolunteer(h.db, adminA, id, NOW);
    expect(v).toMatchObject({
      firstName: "Anna",
      lastName: "Kowalczyk",
      email: "anna.kowalczyk@example.test",
      phone: PHONE,
      childrenCheckOn: "2025-09-15",
      consentOn: "2025-09-01",
      active: true,
      erased: false,
      hasAccount: false,
    });
    expect(v.skills).toEqual(["Fotografia", "Pierwsza pomoc"]);

    const updated = await updateVolunteer(
      h.db,
      adminA,
      { volunteerId: id, ...person({ phone: "", skills: "Fotografia, Samoobrona", notes: "" }) },
      NOW,
    );
    expect(updated.changed.sort()).toEqual(["notes", "phone", "skills"]);
    const after = await getVolunteer(h.db, adminA, id, NOW);
    expect(after.phone).toBeNull();
    expect(after.skills).toEqual(["Fotografia", "Samoobrona"]);
    // Saving the same again changes nothing and writes no audit entry.
    const again = await updateVolunteer(
      h.db,
      adminA,
      { volunteerId: id, ...person({ phone: "", skills: "samoobrona, fotografia", notes: "" }) },
      NOW,
    );
    expect(again.changed).toEqual([]);
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => a.action).sort()).toEqual(["volunteer.create", "volunteer.update"]);
  });

  it("keeps contact details only with a recorded consent, refuses future dates and bad input, changing nothing", async () => {
    const before = await h.db.select().from(volunteers);
    const refused = async (input: Record<string, unknown>) => {
      try {
        await createVolunteer(h.db, adminA, person(input) as never, NOW);
        return "ok";
      } catch (error) {
        if (error instanceof AppError)
          return `${error.code}:${String(error.details.field)}:${String(error.details.reason)}`;
        if (error instanceof Error && error.name === "ZodError") return "zod";
        throw error;
      }
    };
    expect(await refused({ consentOn: "" })).toBe("validation:consentOn:volunteer_consent_required");
    expect(await refused({ consentScope: "  " })).toBe("validation:consentScope:volunteer_consent_required");
    expect(await refused({ childrenCheckOn: "2026-11-27" })).toBe("validation:childrenCheckOn:volunteer_date_future");
    expect(await refused({ consentOn: "2026-02-30" })).toBe("zod");
    expect(await refused({ phone: "zadzwoń do mnie" })).toBe("zod");
    expect(await refused({ email: "nie-email" })).toBe("zod");
    expect(await refused({ firstName: "  " })).toBe("zod");
    expect(await h.db.select().from(volunteers)).toHaveLength(before.length);
    // Without contact details, no consent is needed.
    expect(await refused({ email: "", phone: "", consentOn: "", consentScope: "" })).toBe("ok");
  });

  it("another organisation's volunteer is not_found for every use-case; without the permission, forbidden", async () => {
    const { id } = await createVolunteer(h.db, adminA, person(), NOW);
    const input = { volunteerId: id, ...person() };
    expect(await codeOf(getVolunteer(h.db, adminB, id, NOW))).toBe("not_found");
    expect(await codeOf(updateVolunteer(h.db, adminB, input, NOW))).toBe("not_found");
    expect(await codeOf(setVolunteerActive(h.db, adminB, { volunteerId: id, active: false }, NOW))).toBe("not_found");
    expect(
      await codeOf(addQualification(h.db, adminB, { volunteerId: id, skill: "Pierwsza pomoc", name: "Kurs" }, NOW)),
    ).toBe("not_found");
    expect(await codeOf(exportVolunteer(h.db, adminB, { volunteerId: id }, NOW))).toBe("not_found");
    expect(await codeOf(eraseVolunteer(h.db, adminB, { volunteerId: id }, NOW))).toBe("not_found");
    expect(
      await codeOf(getCertificate(h.db, adminB, { volunteerId: id, from: "2026-01-01", to: "2026-12-31" }, NOW)),
    ).toBe("not_found");
    expect((await listVolunteers(h.db, adminB, {}, NOW)).map((v) => v.id)).not.toContain(id);
    expect(await codeOf(getVolunteer(h.db, adminA, "not-a-uuid", NOW))).toBe("not_found");
    expect(await codeOf(getVolunteer(h.db, null, id, NOW))).toBe("unauthenticated");
    // The coordinator's rights add nothing here: volunteers are their own organisation's business.
    const coordinatorOrg = await createOrganisation(h.db, { isLeader: true });
    const { actor: coordinator } = await createMember(h.db, coordinatorOrg.id, "member", { coordinator: true });
    expect(await codeOf(getVolunteer(h.db, coordinator, id, NOW))).toBe("not_found");
  });

  it("lists the own volunteers, searched by name without accents and filtered by skill and state", async () => {
    const org = (await createOrganisation(h.db)).id;
    const { actor } = await createMember(h.db, org, "admin");
    await insertVolunteer(h.db, org, { firstName: "Łukasz", lastName: "Żak", skills: ["Samoobrona"] });
    await insertVolunteer(h.db, org, {
      firstName: "Ewa",
      lastName: "Nowak",
      skills: ["Fotografia"],
      qualifications: [
        { skill: "Pierwsza pomoc", validUntil: "2026-01-31" },
        { skill: "Fotografia", validUntil: "2026-12-10" },
      ],
    });
    await insertVolunteer(h.db, org, { firstName: "Olga", active: false });
    expect((await listVolunteers(h.db, actor, {}, NOW)).map((v) => v.firstName)).toEqual(["Ewa", "Łukasz"]);
    expect((await listVolunteers(h.db, actor, { q: "lukasz zak" }, NOW)).map((v) => v.firstName)).toEqual(["Łukasz"]);
    expect((await listVolunteers(h.db, actor, { skill: "fotografia" }, NOW)).map((v) => v.firstName)).toEqual(["Ewa"]);
    expect((await listVolunteers(h.db, actor, { show: "inactive" }, NOW)).map((v) => v.firstName)).toEqual(["Olga"]);
    expect(await listVolunteers(h.db, actor, { show: "all" }, NOW)).toHaveLength(3);
    expect(await listVolunteers(h.db, actor, { q: "100%_" }, NOW)).toEqual([]);
    const [ewa] = await listVolunteers(h.db, actor, { q: "ewa" }, NOW);
    expect(ewa.qualifications).toEqual({ total: 2, expired: 1, expiring: 1 });
    expect(await outcome(listVolunteers(h.db, actor, { show: "everyone" as never }, NOW))).toBe("ZodError");
  });

  it("adds and removes qualifications with their state on the local day; the skill joins the volunteer's skills", async () => {
    const { id } = await createVolunteer(h.db, adminA, person({ skills: "" }), NOW);
    const q1 = await addQualification(
      h.db,
      adminA,
      { volunteerId: id, skill: "Pierwsza pomoc", name: "Zaświadczenie PCK", validUntil: "2028-12-31" },
      NOW,
    );
    await addQualification(
      h.db,
      adminA,
      { volunteerId: id, skill: "Ratownictwo wodne", name: "Karta WOPR", validUntil: "2026-11-25" },
      NOW,
    );
    await addQualification(
      h.db,
      adminA,
      { volunteerId: id, skill: "Psychologia", name: "Dyplom", validUntil: "" },
      NOW,
    );
    const v = await getVolunteer(h.db, adminA, id, NOW);
    expect(v.skills).toEqual(["Pierwsza pomoc", "Psychologia", "Ratownictwo wodne"]);
    expect(Object.fromEntries(v.qualifications.map((q) => [q.name, q.state]))).toEqual({
      "Zaświadczenie PCK": "valid",
      "Karta WOPR": "expired",
      Dyplom: "no_expiry",
    });
    // The last valid day is still valid in Warsaw: 2026-11-25 23:30 local is 22:30 UTC.
    const lastEvening = await getVolunteer(h.db, adminA, id, new Date("2026-11-25T22:30:00Z"));
    expect(lastEvening.qualifications.find((q) => q.name === "Karta WOPR")?.state).toBe("expiring");
    await removeQualification(h.db, adminA, { volunteerId: id, qualificationId: q1.id }, NOW);
    expect(await codeOf(removeQualification(h.db, adminA, { volunteerId: id, qualificationId: q1.id }, NOW))).toBe(
      "not_found",
    );
    expect((await getVolunteer(h.db, adminA, id, NOW)).qualifications).toHaveLength(2);
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(JSON.stringify(audits)).not.toContain("Zaświadczenie PCK");
  });

  it("deactivates and reactivates a volunteer", async () => {
    const { id } = await createVolunteer(h.db, adminA, person(), NOW);
    await setVolunteerActive(h.db, adminA, { volunteerId: id, active: "false" }, NOW);
    expect((await getVolunteer(h.db, adminA, id, NOW)).active).toBe(false);
    expect((await listVolunteers(h.db, adminA, {}, NOW)).map((v) => v.id)).not.toContain(id);
    await setVolunteerActive(h.db, adminA, { volunteerId: id, active: true }, NOW);
    expect((await getVolunteer(h.db, adminA, id, NOW)).active).toBe(true);
  });

  it("never writes a volunteer's personal values into the audit log", async () => {
    const { id } = await createVolunteer(h.db, adminA, person({ notes: "Alergia na orzechy" }), NOW);
    await updateVolunteer(
      h.db,
      adminA,
      { volunteerId: id, ...person({ lastName: "Nowak-Kowalczyk", phone: "+48 600 000 111" }) },
      NOW,
    );
    const text = JSON.stringify(await h.db.select().from(auditLog).where(eq(auditLog.entityId, id)));
    for (const value of ["Anna", "Kowalczyk", "anna.kowalczyk", PHONE, "600 000 111", "Alergia", "Kontakt w sprawie"]) {
      expect(text).not.toContain(value);
    }
    expect(text).toContain("lastName");
  });
});

describe(`volunteers: export, erasure and the certificate (${testDriver})`, () => {
  let own: string;
  let receiving: string;
  let admin: Actor;

  beforeAll(async () => {
    own = (await createOrganisation(h.db, { name: "PCK", address: "ul. Partnerska 2, 59-700 Bolesławiec" })).id;
    receiving = (await createOrganisation(h.db, { name: "Stowarzyszenie Razem" })).id;
    admin = (await createMember(h.db, own, "admin")).actor;
  });

  async function volunteerWithHours() {
    const { id } = await createVolunteer(h.db, admin, person(), NOW);
    await addQualification(
      h.db,
      admin,
      { volunteerId: id, skill: "Pierwsza pomoc", name: "Zaświadczenie PCK", validUntil: "2028-12-31" },
      NOW,
    );
    const confirmed = await engagement(
      id,
      own,
      receiving,
      new Date("2026-10-05T08:00:00Z"),
      new Date("2026-10-05T11:00:00Z"),
      { hours: "2.75", hoursStatus: "confirmed", hoursNote: "Kurs dla świetlicy" },
    );
    const recorded = await engagement(
      id,
      own,
      receiving,
      new Date("2026-10-12T08:00:00Z"),
      new Date("2026-10-12T10:00:00Z"),
      { hours: "2.00", hoursStatus: "recorded" },
    );
    const disputed = await engagement(
      id,
      own,
      receiving,
      new Date("2026-10-19T08:00:00Z"),
      new Date("2026-10-19T10:00:00Z"),
      { hours: "5.00", hoursStatus: "disputed", disputeNote: "Trwało 2 godziny" },
    );
    const early = await engagement(
      id,
      own,
      receiving,
      new Date("2026-09-30T22:30:00Z"), // 1 October, 00:30 in Warsaw
      new Date("2026-10-01T00:30:00Z"),
      { hours: "1.50", hoursStatus: "confirmed" },
    );
    return { id, confirmed, recorded, disputed, early };
  }

  it("exports everything the organisation holds on one volunteer, and audits the export", async () => {
    const { id, confirmed } = await volunteerWithHours();
    const data = await exportVolunteer(h.db, admin, { volunteerId: id }, NOW);
    expect(data.format).toBe("wspoldzielnia.volunteer/1");
    expect(data.controller.name).toBe("PCK");
    expect(data.volunteer).toMatchObject({
      firstName: "Anna",
      lastName: "Kowalczyk",
      email: "anna.kowalczyk@example.test",
      phone: PHONE,
      notes: "Woli weekendy.",
      childrenCheckOn: "2025-09-15",
      consent: { on: "2025-09-01", scope: "Kontakt w sprawie zaangażowań w partnerstwie" },
    });
    expect(data.skills).toEqual(["Fotografia", "Pierwsza pomoc"]);
    expect(data.qualifications).toEqual([
      { skill: "Pierwsza pomoc", name: "Zaświadczenie PCK", validUntil: "2028-12-31" },
    ]);
    expect(data.engagements).toHaveLength(4);
    expect(data.engagements.find((e) => e.id === confirmed.id)).toMatchObject({
      source: "offer",
      receivingOrganisation: "Stowarzyszenie Razem",
      hours: 2.75,
      hoursStatus: "confirmed",
      hoursNote: "Kurs dla świetlicy",
      start: "2026-10-05T08:00:00.000Z",
    });
    expect(data.confirmedHours).toBe(4.25);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.action, "volunteer.export"));
    expect(audit.entityId).toBe(id);
    expect(JSON.stringify(audit)).not.toContain(PHONE);
  });

  it("erases personal fields for good; engagements and confirmed hours stay in the totals", async () => {
    const { id, confirmed } = await volunteerWithHours();
    const resource = await createResource(h.db, own, { kind: "expertise" });
    await updateOfferTeam(h.db, admin, { resourceId: resource.id, volunteerIds: [id] }, NOW);
    const [{ userId }] = [await createMember(h.db, own, "member")].map((m) => m.actor);
    await h.db.update(volunteers).set({ userId }).where(eq(volunteers.id, id));

    expect(await eraseVolunteer(h.db, admin, { volunteerId: id }, NOW)).toEqual({ id, erased: true });
    const [row] = await h.db.select().from(volunteers).where(eq(volunteers.id, id));
    expect(row).toMatchObject({
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
    });
    expect(row.erasedAt?.toISOString()).toBe(NOW.toISOString());
    expect(await h.db.select().from(volunteerSkills).where(eq(volunteerSkills.volunteerId, id))).toEqual([]);
    expect(
      await h.db.select().from(volunteerQualifications).where(eq(volunteerQualifications.volunteerId, id)),
    ).toEqual([]);
    expect(await h.db.select().from(resourceVolunteers).where(eq(resourceVolunteers.volunteerId, id))).toEqual([]);

    // The hours stay: the engagement rows are untouched and still count.
    const kept = await h.db.select().from(engagements).where(eq(engagements.volunteerId, id));
    expect(kept).toHaveLength(4);
    expect(kept.find((e) => e.id === confirmed.id)?.hoursStatus).toBe("confirmed");
    const v = await getVolunteer(h.db, admin, id, NOW);
    expect(v.confirmedHours).toBe(4.25);
    expect(v.erased).toBe(true);
    const [listed] = await listVolunteers(h.db, admin, { show: "erased" }, NOW);
    expect(listed).toMatchObject({ id, erased: true, confirmedHours: 4.25 });

    // Nothing personal anywhere: not in the row, not in the export, not in the audit log.
    const exported = JSON.stringify(await exportVolunteer(h.db, admin, { volunteerId: id }, NOW));
    const audit = JSON.stringify(await h.db.select().from(auditLog).where(eq(auditLog.entityId, id)));
    for (const value of ["Anna", "Kowalczyk", "anna.kowalczyk", PHONE, "Woli weekendy", "Zaświadczenie PCK"]) {
      expect(JSON.stringify(row)).not.toContain(value);
      expect(exported).not.toContain(value);
      expect(audit).not.toContain(value);
    }
    expect(audit).toContain("volunteer.erase");

    // Final: erasing again changes nothing, and no use-case can change the placeholder.
    expect(await eraseVolunteer(h.db, admin, { volunteerId: id }, NOW)).toEqual({ id, erased: false });
    expect(await codeOf(updateVolunteer(h.db, admin, { volunteerId: id, ...person() }, NOW))).toBe("invalid_state");
    expect(
      await codeOf(addQualification(h.db, admin, { volunteerId: id, skill: "Fotografia", name: "Dyplom" }, NOW)),
    ).toBe("invalid_state");
    expect(await codeOf(setVolunteerActive(h.db, admin, { volunteerId: id, active: true }, NOW))).toBe("invalid_state");
    expect(await codeOf(updateOfferTeam(h.db, admin, { resourceId: resource.id, volunteerIds: [id] }, NOW))).toBe(
      "not_found",
    );
    expect(
      await codeOf(getCertificate(h.db, admin, { volunteerId: id, from: "2026-01-01", to: "2026-12-31" }, NOW)),
    ).toBe("invalid_state");
    // The partner who received the work still sees an anonymous card.
    const [card] = await volunteerCards(h.db, receiving, [id], NOW);
    expect(card).toMatchObject({ firstName: ERASED_NAME, erased: true, skills: [] });
  });

  it("refuses to erase a volunteer with an engagement that has not ended, changing nothing", async () => {
    const { id } = await createVolunteer(h.db, admin, person(), NOW);
    await engagement(id, own, receiving, new Date("2026-11-30T08:00:00Z"), new Date("2026-11-30T10:00:00Z"));
    let details: Record<string, unknown> = {};
    try {
      await eraseVolunteer(h.db, admin, { volunteerId: id }, NOW);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      expect(error.code).toBe("invalid_state");
      details = error.details;
    }
    expect(details).toEqual({ reason: "volunteer_upcoming_engagements", count: 1 });
    expect((await getVolunteer(h.db, admin, id, NOW)).lastName).toBe("Kowalczyk");
  });

  it("certifies only confirmed hours of engagements that started in the local period", async () => {
    const { id, confirmed, early } = await volunteerWithHours();
    const october = await getCertificate(h.db, admin, { volunteerId: id, from: "2026-10-01", to: "2026-10-31" }, NOW);
    expect(october.volunteer.name).toBe("Anna Kowalczyk");
    expect(october.lines.map((l) => l.engagementId)).toEqual([early.id, confirmed.id]);
    expect(october.lines[0]).toMatchObject({
      date: "2026-10-01",
      hours: 1.5,
      receivingOrganisation: "Stowarzyszenie Razem",
    });
    expect(october.totalHours).toBe(4.25);
    // 1 October 00:30 in Warsaw is still 30 September in UTC: a September certificate does not include it.
    const september = await getCertificate(h.db, admin, { volunteerId: id, from: "2026-09-01", to: "2026-09-30" }, NOW);
    expect(september.lines).toEqual([]);
    expect(september.totalHours).toBe(0);

    expect(
      await outcome(getCertificate(h.db, admin, { volunteerId: id, from: "2026-10-31", to: "2026-10-01" }, NOW)),
    ).toBe("ZodError");
    expect(await outcome(getCertificate(h.db, admin, { volunteerId: id, from: "", to: "2026-10-01" }, NOW))).toBe(
      "ZodError",
    );

    const t = translator("pl");
    const pdf = await certificatePdf(october, {
      locale: "pl",
      t: (key, values) => t(`volunteers.${key}` as never, values as never),
    });
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(2000);
  });
});

describe(`volunteers: offers' teams and privacy of cards (${testDriver})`, () => {
  it("the owner tags its expertise offer and chooses its own volunteers; partners see first names and skills", async () => {
    const owner = (await createOrganisation(h.db, { name: "Commando" })).id;
    const other = (await createOrganisation(h.db, { name: "Razem" })).id;
    const { actor: ownerAdmin } = await createMember(h.db, owner, "member");
    const { actor: otherAdmin } = await createMember(h.db, other, "admin");
    await resolveSkills(h.db, ["Pierwsza pomoc"]);
    const offer = await createResource(h.db, owner, { kind: "expertise", name: "Zajęcia z samoobrony" });
    const hall = await createResource(h.db, owner, { kind: "premises" });
    const tomasz = await insertVolunteer(h.db, owner, {
      firstName: "Tomasz",
      lastName: "Nowak",
      phone: "+48 555 010 321",
      skills: ["Samoobrona"],
    });
    const piotr = await insertVolunteer(h.db, owner, { firstName: "Piotr", skills: ["Samoobrona", "Trener sportowy"] });
    const stranger = await insertVolunteer(h.db, other, { firstName: "Obcy" });

    await updateOfferSkills(
      h.db,
      ownerAdmin,
      {
        resourceId: offer.id,
        skills: [
          { name: "Samoobrona", certificateRequired: false },
          { name: "pierwsza  pomoc", certificateRequired: true },
          { name: "SAMOOBRONA", certificateRequired: true },
        ],
      },
      NOW,
    );
    await updateOfferTeam(h.db, ownerAdmin, { resourceId: offer.id, volunteerIds: [tomasz.id, piotr.id] }, NOW);

    const seenByOwner = await getOfferTeam(h.db, ownerAdmin, offer.id, NOW);
    expect(seenByOwner.canManage).toBe(true);
    expect(seenByOwner.skills).toEqual([
      // The shared list keeps the first spelling of a skill; a duplicate tag that asks for a certificate wins.
      { name: "Pierwsza pomoc", certificateRequired: true },
      { name: "Samoobrona", certificateRequired: true },
    ]);
    expect(seenByOwner.team.map((c) => c.firstName)).toEqual(["Piotr", "Tomasz"]);
    expect(seenByOwner.team.find((c) => c.id === tomasz.id)?.contact?.phone).toBe("+48 555 010 321");
    expect(seenByOwner.candidates.filter((c) => c.inTeam)).toHaveLength(2);

    const seenByOther = await getOfferTeam(h.db, otherAdmin, offer.id, NOW);
    expect(seenByOther.canManage).toBe(false);
    expect(seenByOther.candidates).toEqual([]);
    expect(seenByOther.team.map((c) => [c.firstName, c.skills, c.contact])).toEqual([
      ["Piotr", ["Samoobrona", "Trener sportowy"], null],
      ["Tomasz", ["Samoobrona"], null],
    ]);
    expect(JSON.stringify(seenByOther)).not.toContain("555 010 321");
    expect(JSON.stringify(seenByOther)).not.toContain("Nowak");

    // Only the owner changes it, only with its own volunteers, only on expertise.
    expect(await codeOf(updateOfferTeam(h.db, otherAdmin, { resourceId: offer.id, volunteerIds: [] }, NOW))).toBe(
      "forbidden",
    );
    expect(
      await codeOf(updateOfferTeam(h.db, ownerAdmin, { resourceId: offer.id, volunteerIds: [stranger.id] }, NOW)),
    ).toBe("not_found");
    expect(await codeOf(updateOfferSkills(h.db, ownerAdmin, { resourceId: hall.id, skills: [] }, NOW))).toBe(
      "invalid_state",
    );
    expect(await codeOf(getOfferTeam(h.db, ownerAdmin, hall.id, NOW))).toBe("not_found");
    expect((await getOfferTeam(h.db, ownerAdmin, offer.id, NOW)).team).toHaveLength(2);

    // An inactive member stays on the team for the owner but is no longer shown to partners.
    await h.db.update(volunteers).set({ active: false }).where(eq(volunteers.id, piotr.id));
    expect((await getOfferTeam(h.db, otherAdmin, offer.id, NOW)).team.map((c) => c.firstName)).toEqual(["Tomasz"]);
    expect((await getOfferTeam(h.db, ownerAdmin, offer.id, NOW)).team).toHaveLength(2);
  });

  it("shows the contact to a receiving organisation only for the time of an active engagement", async () => {
    const owner = (await createOrganisation(h.db)).id;
    const receiver = (await createOrganisation(h.db)).id;
    const bystander = (await createOrganisation(h.db)).id;
    const v = await insertVolunteer(h.db, owner, {
      firstName: "Marek",
      lastName: "Zieliński",
      phone: "+48 555 010 888",
    });
    const start = new Date("2026-12-01T08:00:00Z");
    const end = new Date("2026-12-01T12:00:00Z");
    const e = await engagement(v.id, owner, receiver, start, end);
    const card = async (org: string, at: Date) => (await volunteerCards(h.db, org, [v.id], at))[0];
    expect((await card(receiver, NOW)).contact).toEqual({
      lastName: "Zieliński",
      email: null,
      phone: "+48 555 010 888",
    });
    expect((await card(bystander, NOW)).contact).toBeNull();
    expect((await card(receiver, end)).contact).toBeNull();
    await h.db.update(engagements).set({ status: "cancelled" }).where(eq(engagements.id, e.id));
    expect((await card(receiver, NOW)).contact).toBeNull();
    expect((await card(owner, end)).contact?.phone).toBe("+48 555 010 888");
  });
});
