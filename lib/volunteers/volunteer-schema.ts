import { z } from "zod";
import { isLocalDate } from "@/lib/domain/wall-clock";
import { AppError } from "@/lib/errors";
import { uuidParam } from "@/lib/validation";
import { skillListSchema, skillNameSchema } from "./skills";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Optional free text: trimmed; empty is "". */
const text = (max: number) =>
  z.preprocess((v) => (v == null ? "" : v), z.string("invalid").trim().max(max, "too_long"));

/** A local calendar date `YYYY-MM-DD`, or absent (empty field → null). */
export const localDateField = z.preprocess(
  blank,
  z
    .string("invalid")
    .trim()
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isLocalDate(s), "volunteer_date")
    .refine((s) => s >= "2000-01-01" && s <= "2100-12-31", "volunteer_date")
    .nullish()
    .transform((v) => v ?? null),
);

/** Digits, spaces and `+ - ( ) /`, with 6–15 digits. */
const phoneSchema = z.preprocess(
  blank,
  z
    .string("invalid")
    .trim()
    .max(30, "too_long")
    .refine((s) => /^[+\d][\d\s\-()/]*$/.test(s), "volunteer_phone")
    .refine((s) => {
      const digits = s.replace(/\D/g, "").length;
      return digits >= 6 && digits <= 15;
    }, "volunteer_phone")
    .nullish()
    .transform((v) => v ?? null),
);

const emailSchema = z.preprocess(
  blank,
  z
    .string("invalid")
    .trim()
    .max(254, "too_long")
    .pipe(z.email("email"))
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null)),
);

/** What an organisation keeps about one of its volunteers; the same shape creates and updates. */
export const volunteerFieldsSchema = z.object({
  firstName: z.string("required").trim().min(1, "required").max(60, "too_long"),
  lastName: text(80),
  email: emailSchema,
  phone: phoneSchema,
  notes: text(2000),
  skills: z.preprocess((v) => v ?? [], skillListSchema),
  childrenCheckOn: localDateField,
  consentOn: localDateField,
  consentScope: text(500),
});
export type VolunteerFieldsInput = z.input<typeof volunteerFieldsSchema>;
export type VolunteerFields = z.output<typeof volunteerFieldsSchema>;

export const createVolunteerSchema = volunteerFieldsSchema;
export const updateVolunteerSchema = volunteerFieldsSchema.extend({ volunteerId: uuidParam });

export const volunteerIdSchema = z.object({ volunteerId: uuidParam });

export const setVolunteerActiveSchema = z.object({
  volunteerId: uuidParam,
  active: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean("invalid")),
});

export const addQualificationSchema = z.object({
  volunteerId: uuidParam,
  skill: skillNameSchema,
  name: z.string("required").trim().min(2, "too_short").max(120, "too_long"),
  validUntil: localDateField,
});

export const removeQualificationSchema = z.object({ volunteerId: uuidParam, qualificationId: uuidParam });

/**
 * Rules over the whole record, against the local date of today:
 * - the children-work check and the consent happened on a day that has come (not in the future);
 * - contact details (e-mail, phone) are kept only with a recorded consent: its date and its scope.
 * Throws `validation` naming the field, as a form expects.
 */
export function checkVolunteerFields(data: VolunteerFields, today: string): void {
  const refuse = (field: string, reason: string) => {
    throw new AppError("validation", { field, reason });
  };
  if (data.childrenCheckOn && data.childrenCheckOn > today) refuse("childrenCheckOn", "volunteer_date_future");
  if (data.consentOn && data.consentOn > today) refuse("consentOn", "volunteer_date_future");
  if (data.email || data.phone) {
    if (!data.consentOn) refuse("consentOn", "volunteer_consent_required");
    if (!data.consentScope) refuse("consentScope", "volunteer_consent_required");
  }
}

/** The personal fields, by name, for the audit log (which records names of changed fields, never values). */
export const PERSONAL_FIELDS = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "notes",
  "childrenCheckOn",
  "consentOn",
  "consentScope",
] as const;
