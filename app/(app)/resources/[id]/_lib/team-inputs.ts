import { z } from "zod";
import { uuidParam } from "@/lib/validation";
import { skillNameSchema } from "@/lib/volunteers/skills";

/** Rows of the skills form: `skill_<n>` (a name, empty = none) and `cert_<n>` ("on" when a document is required). */
export const SKILL_ROW = /^skill_(\d{1,2})$/;
/** A team checkbox: `volunteer_<id>` = "on". */
export const TEAM_BOX = /^volunteer_(.+)$/;

export const offerSkillsForm = z
  .looseObject({ resourceId: uuidParam })
  .superRefine((form, ctx) => {
    for (const [key, value] of Object.entries(form)) {
      if (!SKILL_ROW.test(key) || typeof value !== "string" || value.trim() === "") continue;
      const parsed = skillNameSchema.safeParse(value);
      if (!parsed.success) ctx.addIssue({ code: "custom", path: [key], message: parsed.error.issues[0].message });
    }
  })
  .transform((form) => {
    const rows = Object.entries(form)
      .map(([key, value]) => ({ n: SKILL_ROW.exec(key)?.[1], value }))
      .filter((r): r is { n: string; value: string } => r.n !== undefined && typeof r.value === "string")
      .filter((r) => r.value.trim() !== "")
      .sort((a, b) => Number(a.n) - Number(b.n));
    return {
      resourceId: form.resourceId,
      skills: rows.map((r) => ({ name: r.value, certificateRequired: form[`cert_${r.n}`] === "on" })),
    };
  });

export const offerTeamForm = z.looseObject({ resourceId: uuidParam }).transform((form, ctx) => {
  const volunteerIds: string[] = [];
  for (const [key, value] of Object.entries(form)) {
    const id = TEAM_BOX.exec(key)?.[1];
    if (!id || value !== "on") continue;
    const parsed = uuidParam.safeParse(id);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", path: ["volunteers"], message: "invalid" });
      return z.NEVER;
    }
    volunteerIds.push(parsed.data);
  }
  return { resourceId: form.resourceId, volunteerIds };
});
