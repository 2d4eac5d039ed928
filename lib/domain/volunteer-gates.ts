/**
 * Who may be given a piece of work (issue 4, "Gates"). Pure: no clock, no I/O — the engagement's last local day is
 * an argument. A use-case loads the volunteer and the requirement, asks for the problems and refuses the whole
 * assignment when any volunteer has one, naming each problem so the message can say what to fix.
 */

export interface GateQualification {
  skillId: string;
  /** `YYYY-MM-DD` (the last day it is valid), or null: it does not expire. */
  validUntil: string | null;
}

export interface GateVolunteer {
  active: boolean;
  erased: boolean;
  /** The day the checks required to work with children were done (the fact and the date only), or null. */
  childrenCheckOn: string | null;
  qualifications: readonly GateQualification[];
}

export interface GateSkill {
  skillId: string;
  name: string;
  /** The volunteer needs a qualification for this skill valid on the engagement's last day. */
  certificateRequired: boolean;
}

export interface GateRequirement {
  childrenCheckRequired: boolean;
  skills: readonly GateSkill[];
}

export type GateProblem =
  | { code: "erased" }
  | { code: "inactive" }
  | { code: "children_check_missing" }
  | { code: "qualification_missing"; skill: string }
  | { code: "qualification_expired"; skill: string; validUntil: string };

/**
 * Every reason the volunteer cannot take work that ends on `lastDay` (a local date `YYYY-MM-DD`, the day of the
 * engagement's last minute): an erased or inactive volunteer first (nothing else matters then), then a missing
 * children-work check, then each skill whose certificate is required and missing or no longer valid that day.
 * A qualification valid until a day is valid through that whole day.
 */
export function gateProblems(volunteer: GateVolunteer, requirement: GateRequirement, lastDay: string): GateProblem[] {
  if (volunteer.erased) return [{ code: "erased" }];
  if (!volunteer.active) return [{ code: "inactive" }];
  const problems: GateProblem[] = [];
  if (requirement.childrenCheckRequired && !volunteer.childrenCheckOn) {
    problems.push({ code: "children_check_missing" });
  }
  for (const skill of requirement.skills) {
    if (!skill.certificateRequired) continue;
    const held = volunteer.qualifications.filter((q) => q.skillId === skill.skillId);
    if (held.length === 0) {
      problems.push({ code: "qualification_missing", skill: skill.name });
      continue;
    }
    if (held.some((q) => q.validUntil === null || q.validUntil >= lastDay)) continue;
    const latest = held.map((q) => q.validUntil as string).sort()[held.length - 1];
    problems.push({ code: "qualification_expired", skill: skill.name, validUntil: latest });
  }
  return problems;
}

/** The local day of an engagement's last minute: an end at midnight belongs to the day before. */
export function lastLocalDay(end: Date, localDateOf: (instant: Date) => string): string {
  return localDateOf(new Date(end.getTime() - 1));
}
