import { describe, expect, it } from "vitest";
import { type GateVolunteer, gateProblems, lastLocalDay } from "@/lib/domain/volunteer-gates";
import { hoursProblem, maxHours, needClosesAt, needTimeProblem } from "@/lib/domain/volunteer-work";
import { localDate } from "@/lib/domain/wall-clock";

const FIRST_AID = { skillId: "s-aid", name: "Pierwsza pomoc", certificateRequired: true };
const GAMES = { skillId: "s-games", name: "Animacja zabaw", certificateRequired: false };
const ready: GateVolunteer = {
  active: true,
  erased: false,
  childrenCheckOn: "2026-01-10",
  qualifications: [{ skillId: "s-aid", validUntil: "2027-06-30" }],
};

describe("gateProblems", () => {
  it("passes a volunteer with the check and a valid certificate", () => {
    expect(gateProblems(ready, { childrenCheckRequired: true, skills: [FIRST_AID, GAMES] }, "2027-06-30")).toEqual([]);
  });

  it("a certificate is valid through its last day, not a day longer", () => {
    const req = { childrenCheckRequired: false, skills: [FIRST_AID] };
    expect(gateProblems(ready, req, "2027-06-30")).toEqual([]);
    expect(gateProblems(ready, req, "2027-07-01")).toEqual([
      { code: "qualification_expired", skill: "Pierwsza pomoc", validUntil: "2027-06-30" },
    ]);
  });

  it("any one valid certificate of several is enough; the latest expiry is named when all expired", () => {
    const v = {
      ...ready,
      qualifications: [
        { skillId: "s-aid", validUntil: "2025-01-01" },
        { skillId: "s-aid", validUntil: "2026-05-01" },
      ],
    };
    const req = { childrenCheckRequired: false, skills: [FIRST_AID] };
    expect(gateProblems(v, req, "2026-06-01")).toEqual([
      { code: "qualification_expired", skill: "Pierwsza pomoc", validUntil: "2026-05-01" },
    ]);
    expect(
      gateProblems(
        { ...v, qualifications: [...v.qualifications, { skillId: "s-aid", validUntil: null }] },
        req,
        "2030-01-01",
      ),
    ).toEqual([]);
  });

  it("lists a missing check and a missing certificate together; a skill without a certificate asks nothing", () => {
    const v = { ...ready, childrenCheckOn: null, qualifications: [] };
    expect(gateProblems(v, { childrenCheckRequired: true, skills: [GAMES, FIRST_AID] }, "2027-01-01")).toEqual([
      { code: "children_check_missing" },
      { code: "qualification_missing", skill: "Pierwsza pomoc" },
    ]);
    expect(gateProblems(v, { childrenCheckRequired: false, skills: [GAMES] }, "2027-01-01")).toEqual([]);
  });

  it("an erased or inactive volunteer is refused for that alone", () => {
    const req = { childrenCheckRequired: true, skills: [FIRST_AID] };
    expect(gateProblems({ ...ready, erased: true, childrenCheckOn: null }, req, "2027-01-01")).toEqual([
      { code: "erased" },
    ]);
    expect(gateProblems({ ...ready, active: false }, req, "2027-01-01")).toEqual([{ code: "inactive" }]);
  });

  it("the last day of work ending at midnight is the day before (Warsaw)", () => {
    // 2027-03-01 00:00 in Warsaw is 2027-02-28T23:00Z.
    expect(lastLocalDay(new Date("2027-02-28T23:00:00Z"), (d) => localDate(d))).toBe("2027-02-28");
    expect(lastLocalDay(new Date("2027-02-28T23:01:00Z"), (d) => localDate(d))).toBe("2027-03-01");
  });
});

describe("needs' time rules", () => {
  const now = new Date("2027-05-10T10:00:00Z");
  const h = (n: number) => new Date(now.getTime() + n * 3_600_000);

  it("a need may start up to 7 days back and up to a year ahead, last at most 14 days, end after it starts", () => {
    expect(needTimeProblem(h(2), h(4), now)).toBeNull();
    expect(needTimeProblem(h(-7 * 24), h(-7 * 24 + 2), now)).toBeNull();
    expect(needTimeProblem(h(-7 * 24 - 1), h(-7 * 24 + 2), now)).toBe("too_far_back");
    expect(needTimeProblem(h(367 * 24), h(367 * 24 + 1), now)).toBe("too_far_ahead");
    expect(needTimeProblem(h(1), h(1 + 15 * 24), now)).toBe("too_long");
    expect(needTimeProblem(h(4), h(4), now)).toBe("end_before_start");
  });

  it("a need posted ahead closes at its end; one posted after its start stays open 7 days from posting", () => {
    expect(needClosesAt({ start: h(2), end: h(4), createdAt: now })).toEqual(h(4));
    expect(needClosesAt({ start: h(-5), end: h(-3), createdAt: now })).toEqual(h(7 * 24));
    // Posted after its start but ending later than the grace: its end.
    expect(needClosesAt({ start: h(-1), end: h(10 * 24), createdAt: now })).toEqual(h(10 * 24));
  });
});

describe("hours rules", () => {
  const start = new Date("2027-05-10T08:00:00Z");
  const end = new Date("2027-05-10T10:10:00Z"); // 2 h 10 min → at most 2.25 h

  it("takes quarters of an hour up to the engagement's length rounded up to a quarter", () => {
    expect(maxHours(start, end)).toBe(2.25);
    expect(hoursProblem(2.25, start, end)).toBeNull();
    expect(hoursProblem(0.25, start, end)).toBeNull();
    expect(hoursProblem(2.5, start, end)).toBe("hours_too_many");
    expect(hoursProblem(1.3, start, end)).toBe("hours_step");
    expect(hoursProblem(0, start, end)).toBe("hours_not_positive");
    expect(hoursProblem(-1, start, end)).toBe("hours_not_positive");
    expect(hoursProblem(Number.NaN, start, end)).toBe("hours_not_positive");
  });
});
