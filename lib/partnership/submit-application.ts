import { z } from "zod";
import type { Db } from "@/db/connect";
import { organisationKind, partnershipApplications } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { consumeRateLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { type Locale, locales } from "@/lib/i18n/config";
import { nudgeDelivery } from "@/lib/mail/wake";
import { enqueueMail, notify } from "@/lib/notifications/notify";
import { optionalText } from "@/lib/validation";

/** Applications accepted per client address and per contact address. */
export const APPLICATION_LIMITS = {
  perAddress: { max: 5, windowMinutes: 60 },
  perEmail: { max: 3, windowMinutes: 24 * 60 },
} as const;

export const submitApplicationSchema = z.object({
  organisationName: z.string("required").trim().min(3, "too_short").max(200, "too_long"),
  kind: z.enum(organisationKind.enumValues, "invalid"),
  contactName: z.string("required").trim().min(2, "too_short").max(200, "too_long"),
  contactEmail: z.string("required").trim().toLowerCase().max(320, "too_long").pipe(z.email("email")),
  contactPhone: optionalText(40),
  website: z
    .string("invalid")
    .trim()
    .max(300, "too_long")
    .refine((v) => v === "" || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), "url")
    .optional()
    .transform((v) => (v ? v : undefined)),
  description: z.string("required").trim().min(10, "too_short").max(2000, "too_long"),
  offers: z.string("required").trim().min(3, "too_short").max(2000, "too_long"),
  acceptAims: z.preprocess((v) => v === "on" || v === true || v === "true", z.literal(true, "accept_aims")),
});
export type SubmitApplicationInput = z.input<typeof submitApplicationSchema>;

/**
 * Anyone may apply to join the partnership (it is open to all who act in line with its aims). The application is
 * stored, the coordinators are told (in the app and by e-mail) and the applicant gets a confirmation. Rate-limited per
 * client address and per contact address, in the database.
 */
export async function submitApplication(
  db: Db,
  input: SubmitApplicationInput,
  context: { ip?: string | null; locale?: Locale } = {},
  now = new Date(),
) {
  const data = submitApplicationSchema.parse(input);
  const locale = context.locale && locales.includes(context.locale) ? context.locale : "pl";
  const result = await db.transaction(async (tx) => {
    const allowed =
      (!context.ip || (await consumeRateLimit(tx, `apply-ip:${context.ip}`, APPLICATION_LIMITS.perAddress, now))) &&
      (await consumeRateLimit(tx, `apply:${data.contactEmail}`, APPLICATION_LIMITS.perEmail, now));
    if (!allowed) return null;
    const [application] = await tx
      .insert(partnershipApplications)
      .values({
        organisationName: data.organisationName,
        kind: data.kind,
        contactName: data.contactName,
        contactEmail: data.contactEmail,
        contactPhone: data.contactPhone ?? null,
        website: data.website ?? null,
        description: data.description,
        offers: data.offers,
        acceptedAims: data.acceptAims,
        locale,
        createdAt: now,
      })
      .returning({ id: partnershipApplications.id });
    await recordAudit(tx, {
      actorUserId: null,
      organisationId: null,
      action: "partnership.apply",
      entityType: "partnership_application",
      entityId: application.id,
      after: { organisationName: data.organisationName, kind: data.kind, contactEmail: data.contactEmail },
    });
    await notify(
      tx,
      [
        {
          kind: "application_received",
          audience: { coordinators: true },
          link: "/coordinator/applications",
          params: { organisation: data.organisationName },
        },
      ],
      now,
    );
    await enqueueMail(
      tx,
      {
        to: data.contactEmail,
        kind: "application_confirmation",
        locale,
        params: { organisation: data.organisationName, name: data.contactName, link: "/partnerstwo" },
      },
      now,
    );
    return { id: application.id };
  });
  // A refused attempt is not written; the transaction is ended before saying so.
  if (!result) throw new AppError("validation", { field: "form", reason: "too_many_requests" });
  nudgeDelivery();
  return result;
}
