import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import { auditLog, bookings, invitations, notifications, organisations, outboxMessages } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { acceptApplication, listApplications, rejectApplication } from "@/lib/partnership/applications";
import { getPartnershipOverview } from "@/lib/partnership/get-overview";
import { leavePartnership, reinstatePartner, suspendPartner } from "@/lib/partnership/partner-status";
import { slugify } from "@/lib/partnership/slug";
import { type SubmitApplicationInput, submitApplication } from "@/lib/partnership/submit-application";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createBooking, createMember, createOrganisation, createResource } from "../helpers/factories";

let h: DatabaseHandle;
let leader: typeof organisations.$inferSelect;
let coordinator: Awaited<ReturnType<typeof createMember>>;
beforeAll(async () => {
  h = await createTestDatabase();
  leader = await createOrganisation(h.db, { isLeader: true, name: "MOPS" });
  coordinator = await createMember(h.db, leader.id, "admin", { coordinator: true });
});
afterAll(async () => {
  await h?.close();
});

const T0 = new Date("2027-05-10T08:00:00Z");
const hoursLater = (n: number) => new Date(T0.getTime() + n * 3_600_000);
let applicant = 0;
const application = (extra: Record<string, unknown> = {}): SubmitApplicationInput =>
  ({
    organisationName: `Stowarzyszenie „Nowe Łąki” ${++applicant}`,
    kind: "association",
    contactName: "Anna Nowak",
    contactEmail: `anna${applicant}@example.test`,
    description: "Organizujemy zajęcia dla seniorów i pikniki sąsiedzkie.",
    offers: "Namiot, nagłośnienie, wolontariusze na wydarzenia.",
    acceptAims: "on",
    ...extra,
  }) as SubmitApplicationInput;
const mailsTo = async (address: string) =>
  h.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, address));

describe(`joining and leaving the partnership (${testDriver})`, () => {
  it("takes an application from anyone, tells the coordinator and confirms to the applicant", async () => {
    const input = application();
    const { id } = await submitApplication(h.db, input, { ip: "203.0.113.7", locale: "pl" }, T0);
    const [notice] = await h.db.select().from(notifications).where(eq(notifications.userId, coordinator.user.id));
    expect(notice).toMatchObject({ kind: "application_received", link: "/coordinator/applications" });
    expect(notice.params.organisation).toBe(input.organisationName);
    expect((await mailsTo(input.contactEmail)).map((m) => m.kind)).toEqual(["application_confirmation"]);
    expect((await mailsTo(coordinator.user.email)).map((m) => m.kind)).toContain("application_received");
    const list = await listApplications(h.db, coordinator.actor);
    expect(list.find((a) => a.id === id)).toMatchObject({ status: "pending", acceptedAims: true });
  });

  it("refuses an application without the aims accepted, with bad fields, or too many from one address", async () => {
    await expect(submitApplication(h.db, application({ acceptAims: "" }), {}, T0)).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: "accept_aims" })],
    });
    await expect(
      submitApplication(h.db, application({ contactEmail: "nie-adres", website: "ftp://x" }), {}, T0),
    ).rejects.toMatchObject({ name: "ZodError" });
    const ip = "198.51.100.9";
    for (let i = 0; i < 5; i++) await submitApplication(h.db, application(), { ip }, T0);
    await expect(submitApplication(h.db, application(), { ip }, T0)).rejects.toMatchObject({
      code: "validation",
      details: { reason: "too_many_requests" },
    });
    // An hour later the address may apply again.
    await submitApplication(h.db, application(), { ip }, hoursLater(1.1));
  });

  it("lets only the coordinator decide; accepting creates the organisation and e-mails its admin an invitation", async () => {
    const input = application();
    const { id } = await submitApplication(h.db, input, {}, T0);
    const outsider = await createMember(h.db, (await createOrganisation(h.db)).id, "admin");
    await expect(acceptApplication(h.db, outsider.actor, { applicationId: id }, T0)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(acceptApplication(h.db, null, { applicationId: id }, T0)).rejects.toMatchObject({
      code: "unauthenticated",
    });
    await expect(listApplications(h.db, outsider.actor)).rejects.toMatchObject({ code: "forbidden" });

    const { organisationId, slug } = await acceptApplication(h.db, coordinator.actor, { applicationId: id }, T0);
    expect(slug).toMatch(/^stowarzyszenie-nowe-laki-\d+$/);
    const [org] = await h.db.select().from(organisations).where(eq(organisations.id, organisationId));
    expect(org).toMatchObject({ status: "active", name: input.organisationName, contactEmail: input.contactEmail });
    const [invitation] = await h.db.select().from(invitations).where(eq(invitations.organisationId, organisationId));
    expect(invitation).toMatchObject({ email: input.contactEmail, role: "admin" });
    const mails = await mailsTo(input.contactEmail);
    const invite = mails.find((m) => m.kind === "invitation");
    expect(invite?.sensitive).toBe(true);
    const token = /\/invitation\/([\w-]+)/.exec(invite?.textBody ?? "")?.[1];
    expect(token).toBeTruthy();
    // The link's token is what the invitation stores the hash of; the new admin joins with it.
    const joined = await acceptInvitation(
      h.db,
      { token: token ?? "", name: "Anna Nowak", password: "zielony-rower-nad-Bobrem" },
      T0,
    );
    const admin = await loadActor(h.db, joined.userId, organisationId);
    expect(admin).toMatchObject({ organisationId, role: "admin" });

    await expect(acceptApplication(h.db, coordinator.actor, { applicationId: id }, T0)).rejects.toMatchObject({
      code: "invalid_state",
    });
    // No token in the audit trail.
    const trail = await h.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(trail.map((e) => e.action).sort()).toEqual(["partnership.accept", "partnership.apply"]);
    expect(JSON.stringify(trail)).not.toContain(token);
  });

  it("rejects with a reason, which the applicant receives", async () => {
    const input = application();
    const { id } = await submitApplication(h.db, input, {}, T0);
    await expect(
      rejectApplication(h.db, coordinator.actor, { applicationId: id, reason: "" }, T0),
    ).rejects.toMatchObject({ name: "ZodError" });
    await rejectApplication(h.db, coordinator.actor, { applicationId: id, reason: "Działacie poza powiatem." }, T0);
    const rejection = (await mailsTo(input.contactEmail)).find((m) => m.kind === "application_rejected");
    expect(rejection?.textBody).toContain("Powód: Działacie poza powiatem.");
    expect((await listApplications(h.db, coordinator.actor)).find((a) => a.id === id)?.status).toBe("rejected");
  });

  it("suspending a partner cancels its future bookings both ways, tells the other sides and shuts its people out", async () => {
    const partner = await createOrganisation(h.db, { name: "Klub TOP" });
    const other = await createOrganisation(h.db, { name: "PCK" });
    const partnerAdmin = await createMember(h.db, partner.id, "admin");
    const otherMember = await createMember(h.db, other.id, "member");
    const partnerGym = await createResource(h.db, partner.id, { name: "Siłownia" });
    const otherHall = await createResource(h.db, other.id, { name: "Sala PCK" });
    const future = { start: hoursLater(48), end: hoursLater(50) };
    const onTheirs = await createBooking(h.db, { ...future, resourceId: partnerGym.id, organisationId: other.id });
    const byThem = await createBooking(h.db, {
      ...future,
      resourceId: otherHall.id,
      organisationId: partner.id,
      status: "pending",
    });
    const past = await createBooking(h.db, {
      start: hoursLater(-50),
      end: hoursLater(-48),
      resourceId: otherHall.id,
      organisationId: partner.id,
      status: "completed",
    });

    await expect(
      suspendPartner(h.db, partnerAdmin.actor, { organisationId: partner.id, reason: "Naruszenie zasad" }, T0),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      suspendPartner(h.db, coordinator.actor, { organisationId: leader.id, reason: "Nie wolno" }, T0),
    ).rejects.toMatchObject({ code: "forbidden" });
    const { cancelled } = await suspendPartner(
      h.db,
      coordinator.actor,
      { organisationId: partner.id, reason: "Naruszenie zasad" },
      T0,
    );
    expect(cancelled).toBe(2);
    const statuses = await h.db
      .select({ id: bookings.id, status: bookings.status, reason: bookings.cancelReason })
      .from(bookings)
      .where(eq(bookings.organisationId, partner.id));
    expect(statuses.find((b) => b.id === byThem.id)).toMatchObject({ status: "cancelled", reason: "Naruszenie zasad" });
    expect(statuses.find((b) => b.id === past.id)?.status).toBe("completed");
    const [onTheirsNow] = await h.db.select().from(bookings).where(eq(bookings.id, onTheirs.id));
    expect(onTheirsNow.status).toBe("cancelled");
    const told = await h.db.select().from(notifications).where(eq(notifications.userId, otherMember.user.id));
    expect(told.map((n) => n.kind)).toEqual(["booking_cancelled_partner", "booking_cancelled_partner"]);
    expect(told[0].params.organisation).toBe("Klub TOP");
    expect((await mailsTo(partnerAdmin.user.email)).map((m) => m.kind)).toContain("partner_suspended");
    expect(await loadActor(h.db, partnerAdmin.user.id)).toBeNull();

    await reinstatePartner(h.db, coordinator.actor, { organisationId: partner.id }, T0);
    expect(await loadActor(h.db, partnerAdmin.user.id)).not.toBeNull();
    await expect(reinstatePartner(h.db, coordinator.actor, { organisationId: partner.id }, T0)).rejects.toMatchObject({
      code: "invalid_state",
    });
  });

  it("an admin takes the organisation out; members cannot, the leader cannot", async () => {
    const partner = await createOrganisation(h.db, { name: "Commando" });
    const other = await createOrganisation(h.db, { name: "Caritas" });
    const admin = await createMember(h.db, partner.id, "admin");
    const member = await createMember(h.db, partner.id, "member");
    const otherMember = await createMember(h.db, other.id, "member");
    const tents = await createResource(h.db, partner.id, { kind: "equipment", name: "Namioty", quantity: 4 });
    await createBooking(h.db, {
      start: hoursLater(24),
      end: hoursLater(30),
      resourceId: tents.id,
      organisationId: other.id,
    });

    await expect(leavePartnership(h.db, member.actor, { confirm: "on" }, T0)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(leavePartnership(h.db, admin.actor, { confirm: "" }, T0)).rejects.toMatchObject({ name: "ZodError" });
    await expect(leavePartnership(h.db, coordinator.actor, { confirm: "on" }, T0)).rejects.toMatchObject({
      code: "forbidden",
    });
    const { cancelled } = await leavePartnership(
      h.db,
      admin.actor,
      { confirm: "on", reason: "Kończymy działalność" },
      T0,
    );
    expect(cancelled).toBe(1);
    const [org] = await h.db.select().from(organisations).where(eq(organisations.id, partner.id));
    expect(org.status).toBe("left");
    expect(await loadActor(h.db, admin.user.id)).toBeNull();
    const told = await h.db.select().from(notifications).where(eq(notifications.userId, otherMember.user.id));
    expect(told.map((n) => n.kind)).toEqual(["booking_cancelled_partner"]);
    const coordinatorNotices = await h.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, coordinator.user.id));
    expect(coordinatorNotices.map((n) => n.kind)).toContain("partner_left");
    const overview = await getPartnershipOverview(h.db);
    expect(overview.members.map((m) => m.name)).not.toContain("Commando");
  });

  it("makes URL-safe slugs from Polish names", () => {
    expect(slugify("Stowarzyszenie „Żółć i Łąka”")).toBe("stowarzyszenie-zolc-i-laka");
    expect(slugify("!!!")).toBe("partner");
  });
});
