import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import { invitations, memberships, organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { inviteMember } from "@/lib/members/invite-member";
import { listMembers } from "@/lib/members/list-members";
import { removeMember } from "@/lib/members/remove-member";
import { revokeInvitation } from "@/lib/members/revoke-invitation";
import { getOrganisationProfile } from "@/lib/organisations/get-organisation-profile";
import { updateOrganisation } from "@/lib/organisations/update-organisation";
import { codeOf } from "../helpers/codes";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createBooking, createMember, createOrganisation, createResource } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const profile = {
  name: "Nowa nazwa organizacji",
  description: "Opis",
  contactEmail: "",
  contactPhone: "",
  website: "",
  address: "",
};

/**
 * Role × own or other organisation × action. Use-cases act only on the actor's own organisation: another
 * organisation's member or invitation is "not_found" (its existence is not confirmed), a role without the
 * permission is "forbidden", no actor is "unauthenticated".
 */
describe(`authorization matrix (${testDriver})`, () => {
  let orgA: typeof organisations.$inferSelect;
  let orgB: typeof organisations.$inferSelect;
  let adminA: Actor;
  let memberA: Actor;
  let memberB: { userId: string };
  let adminB: Actor;
  let invitationB: string;

  beforeAll(async () => {
    orgA = await createOrganisation(h.db, { name: "A" });
    orgB = await createOrganisation(h.db, { name: "B" });
    adminA = (await createMember(h.db, orgA.id, "admin")).actor;
    memberA = (await createMember(h.db, orgA.id, "member")).actor;
    adminB = (await createMember(h.db, orgB.id, "admin")).actor;
    memberB = (await createMember(h.db, orgB.id, "member")).actor;
    invitationB = (await inviteMember(h.db, adminB, { email: "zaproszony-b@example.test", role: "member" })).id;
  });

  it("nobody signed in can do nothing", async () => {
    expect(await codeOf(listMembers(h.db, null))).toBe("unauthenticated");
    expect(await codeOf(inviteMember(h.db, null, { email: "x@example.test", role: "member" }))).toBe("unauthenticated");
    expect(await codeOf(updateOrganisation(h.db, null, profile))).toBe("unauthenticated");
    expect(await codeOf(getOrganisationProfile(h.db, null, orgA.slug))).toBe("unauthenticated");
    expect(await codeOf(getDashboard(h.db, null))).toBe("unauthenticated");
  });

  it("a member may look but not manage", async () => {
    expect(await codeOf(listMembers(h.db, memberA))).toBe("ok");
    expect(await codeOf(inviteMember(h.db, memberA, { email: "x@example.test", role: "member" }))).toBe("forbidden");
    expect(await codeOf(removeMember(h.db, memberA, { userId: adminA.userId }))).toBe("forbidden");
    expect(await codeOf(changeMemberRole(h.db, memberA, { userId: memberA.userId, role: "admin" }))).toBe("forbidden");
    expect(await codeOf(updateOrganisation(h.db, memberA, profile))).toBe("forbidden");
  });

  it("an admin of A cannot read B's members or invitations", async () => {
    const { members, invitations: open } = await listMembers(h.db, adminA);
    const ids = members.map((m) => m.userId);
    expect(ids).toContain(adminA.userId);
    expect(ids).not.toContain(adminB.userId);
    expect(ids).not.toContain(memberB.userId);
    expect(open.map((i) => i.id)).not.toContain(invitationB);
    const profileB = await getOrganisationProfile(h.db, adminA, orgB.slug);
    expect(profileB.memberCount).toBeNull();
    expect(JSON.stringify(profileB)).not.toContain("@example.test");
  });

  it("an admin of A cannot manage B's members: not found, and nothing changes", async () => {
    expect(await codeOf(removeMember(h.db, adminA, { userId: memberB.userId }))).toBe("not_found");
    expect(await codeOf(changeMemberRole(h.db, adminA, { userId: memberB.userId, role: "admin" }))).toBe("not_found");
    expect(await codeOf(revokeInvitation(h.db, adminA, { invitationId: invitationB }))).toBe("not_found");
    const [stillB] = await h.db.select().from(memberships).where(eq(memberships.userId, memberB.userId));
    expect(stillB).toMatchObject({ organisationId: orgB.id, role: "member" });
    const [inv] = await h.db.select().from(invitations).where(eq(invitations.id, invitationB));
    expect(inv.revokedAt).toBeNull();
  });

  it("an admin edits only their own organisation's profile", async () => {
    await updateOrganisation(h.db, adminA, profile);
    const [a] = await h.db.select().from(organisations).where(eq(organisations.id, orgA.id));
    const [b] = await h.db.select().from(organisations).where(eq(organisations.id, orgB.id));
    expect(a.name).toBe(profile.name);
    expect(b.name).toBe("B");
  });

  it("bad input is refused before anything is written", async () => {
    const before = await h.db.select().from(organisations).where(eq(organisations.id, orgA.id));
    await expect(updateOrganisation(h.db, adminA, { ...profile, website: "javascript:alert(1)" })).rejects.toThrow();
    await expect(updateOrganisation(h.db, adminA, { ...profile, name: "" })).rejects.toThrow();
    const after = await h.db.select().from(organisations).where(eq(organisations.id, orgA.id));
    expect(after).toEqual(before);
  });

  it("an organisation's dashboard shows only requests for its own resources", async () => {
    const hallB = await createResource(h.db, orgB.id, { name: "Sala B" });
    const start = new Date(Date.now() + 3 * 86_400_000);
    await createBooking(h.db, {
      resourceId: hallB.id,
      organisationId: orgA.id,
      status: "pending",
      start,
      end: new Date(start.getTime() + 2 * 3_600_000),
      purpose: "Prośba A do B",
    });
    const forB = await getDashboard(h.db, adminB);
    expect(forB.waiting.map((w) => w.purpose)).toContain("Prośba A do B");
    expect(forB.waitingTotal).toBe(1);
    const forA = await getDashboard(h.db, adminA);
    expect(forA.waiting).toHaveLength(0);
    expect(forA.borrowing.map((w) => w.purpose)).toContain("Prośba A do B");
    expect(forA.borrowing[0].counterpart).toBe("B");
  });
});
