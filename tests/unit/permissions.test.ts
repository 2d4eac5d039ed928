import { describe, expect, it } from "vitest";
import { type Actor, assertCan, can, type Permission, permissions, rolesOf } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

function actor(role: "member" | "admin", coordinator: boolean): Actor {
  return {
    userId: "00000000-0000-4000-8000-000000000001",
    email: "ala@example.pl",
    name: "Ala Kowalska",
    organisationId: "00000000-0000-4000-8000-0000000000a1",
    organisationSlug: "mops",
    organisationName: "MOPS Bolesławiec",
    role,
    coordinator,
    memberships: [],
  };
}

const profiles = {
  member: actor("member", false),
  admin: actor("admin", false),
  "coordinator-member": actor("member", true),
  "coordinator-admin": actor("admin", true),
} as const;
type Profile = keyof typeof profiles;

// Written out by hand, independent of the `permissions` object: a change to the table must change this test too.
const expected: Record<Permission, Record<Profile, boolean>> = {
  "organisation.view": { member: true, admin: true, "coordinator-member": true, "coordinator-admin": true },
  "organisation.update": { member: false, admin: true, "coordinator-member": false, "coordinator-admin": true },
  "members.view": { member: true, admin: true, "coordinator-member": true, "coordinator-admin": true },
  "members.manage": { member: false, admin: true, "coordinator-member": false, "coordinator-admin": true },
  "resources.manage": { member: true, admin: true, "coordinator-member": true, "coordinator-admin": true },
  "bookings.request": { member: true, admin: true, "coordinator-member": true, "coordinator-admin": true },
  "bookings.decide": { member: true, admin: true, "coordinator-member": true, "coordinator-admin": true },
  "reports.own": { member: false, admin: true, "coordinator-member": true, "coordinator-admin": true },
  "reports.all": { member: false, admin: false, "coordinator-member": true, "coordinator-admin": true },
  "partners.admit": { member: false, admin: false, "coordinator-member": true, "coordinator-admin": true },
  "audit.view": { member: false, admin: false, "coordinator-member": true, "coordinator-admin": true },
  "volunteers.manage": { member: true, admin: true, "coordinator-member": true, "coordinator-admin": true },
  "needs.manage": { member: true, admin: true, "coordinator-member": true, "coordinator-admin": true },
};

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

describe("the permission table", () => {
  it("has exactly the permissions this test knows about", () => {
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(expected).sort());
  });

  const rows = Object.entries(expected).flatMap(([permission, byProfile]) =>
    Object.entries(byProfile).map(([profile, allowed]) => ({ permission: permission as Permission, profile, allowed })),
  );

  it.each(rows)("$profile → $permission: $allowed", ({ permission, profile, allowed }) => {
    expect(can(profiles[profile as Profile], permission)).toBe(allowed);
  });

  it.each(Object.keys(expected) as Permission[])("nobody without an actor has %s", (permission) => {
    expect(can(null, permission)).toBe(false);
    expect(can(undefined, permission)).toBe(false);
  });
});

describe("rolesOf", () => {
  it("gives the membership role alone to a non-coordinator", () => {
    expect(rolesOf({ role: "member", coordinator: false })).toEqual(["member"]);
    expect(rolesOf({ role: "admin", coordinator: false })).toEqual(["admin"]);
  });

  it("adds the coordinator role to the membership role", () => {
    expect(rolesOf({ role: "member", coordinator: true })).toEqual(["member", "coordinator"]);
    expect(rolesOf({ role: "admin", coordinator: true })).toEqual(["admin", "coordinator"]);
  });
});

describe("assertCan", () => {
  it("throws unauthenticated (401) without an actor", () => {
    for (const missing of [null, undefined]) {
      const error = thrown(() => assertCan(missing, "organisation.view"));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("unauthenticated");
      expect((error as AppError).status).toBe(401);
    }
  });

  it("throws forbidden (403) naming the permission the actor lacks", () => {
    const error = thrown(() => assertCan(profiles.member, "members.manage"));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("forbidden");
    expect((error as AppError).status).toBe(403);
    expect((error as AppError).details).toEqual({ permission: "members.manage" });
  });

  it("throws forbidden to an admin for coordinator-only permissions", () => {
    expect((thrown(() => assertCan(profiles.admin, "audit.view")) as AppError).code).toBe("forbidden");
  });

  it("returns without throwing when the actor holds the permission", () => {
    expect(() => assertCan(profiles.admin, "members.manage")).not.toThrow();
    expect(() => assertCan(profiles["coordinator-member"], "partners.admit")).not.toThrow();
  });
});
