import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import { gateCheck } from "@/lib/engagements/engagement-core";
import { resolveSkills } from "@/lib/volunteers/skills";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createOrganisation, createVolunteer } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe(`gates on stored volunteers (${testDriver})`, () => {
  it("reads the check, qualifications, erasure and activity from the database, by the last local day", async () => {
    const org = await createOrganisation(h.db);
    const valid = await createVolunteer(h.db, org.id, {
      firstName: "Ważna",
      childrenCheckOn: "2026-01-01",
      qualifications: [{ skill: "Ratownictwo", validUntil: "2027-03-31" }],
    });
    const erased = await createVolunteer(h.db, org.id, {
      firstName: "Usunięta",
      erasedAt: new Date("2027-01-01T00:00:00Z"),
    });
    const inactive = await createVolunteer(h.db, org.id, { firstName: "Nieaktywna", active: false });
    const [skill] = await resolveSkills(h.db, ["Ratownictwo"]);
    const requirement = {
      childrenCheckRequired: true,
      skills: [{ skillId: skill.id, name: "Ratownictwo", certificateRequired: true }],
    };
    // Work ending at midnight of 1 April in Warsaw (22:00 UTC on 31 March, summer time) still ends on 31 March.
    const atMidnight = await gateCheck(h.db, [valid.id], requirement, new Date("2027-03-31T22:00:00Z"));
    expect(atMidnight[0].problems).toEqual([]);
    const nextDay = await gateCheck(h.db, [valid.id], requirement, new Date("2027-04-01T10:00:00Z"));
    expect(nextDay[0].problems).toEqual([
      { code: "qualification_expired", skill: "Ratownictwo", validUntil: "2027-03-31" },
    ]);
    const others = await gateCheck(h.db, [erased.id, inactive.id], requirement, new Date("2027-03-01T10:00:00Z"));
    expect(Object.fromEntries(others.map((o) => [o.firstName, o.problems]))).toEqual({
      Usunięta: [{ code: "erased" }],
      Nieaktywna: [{ code: "inactive" }],
    });
    // Unknown ids are left out for the caller to notice.
    expect(await gateCheck(h.db, ["00000000-0000-4000-8000-000000000000"], requirement, new Date())).toEqual([]);
  });
});
