import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Actor } from "./permissions";

export const selectOrganisationSchema = z.object({ organisationId: z.uuid("invalid") });

/** A user acts for one organisation at a time and may switch only to one they belong to. */
export function selectOrganisation(actor: Actor | null, input: z.infer<typeof selectOrganisationSchema>): string {
  if (!actor) throw new AppError("unauthenticated");
  const { organisationId } = selectOrganisationSchema.parse(input);
  if (!actor.memberships.some((m) => m.organisationId === organisationId)) throw new AppError("not_found");
  return organisationId;
}
