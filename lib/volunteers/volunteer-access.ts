import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { volunteerSkills, volunteers } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { uuidParam } from "@/lib/validation";
import { resolveSkills } from "./skills";

export type VolunteerRow = typeof volunteers.$inferSelect;

/** A volunteer id from a path or a form: anything that is not a UUID names nothing, so it is `not_found`. */
export function volunteerIdOf(value: unknown): string {
  const parsed = uuidParam.safeParse(value);
  if (!parsed.success) throw new AppError("not_found");
  return parsed.data;
}

/**
 * The actor's own volunteer, locked for a change inside the caller's transaction. Another organisation's volunteer
 * is `not_found`, exactly like an unknown id: its existence is nobody else's business.
 */
export async function lockOwnVolunteer(tx: Db, actor: Actor, volunteerId: string): Promise<VolunteerRow> {
  const [row] = await tx
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.id, volunteerIdOf(volunteerId)), eq(volunteers.organisationId, actor.organisationId)))
    .for("update");
  if (!row) throw new AppError("not_found");
  return row;
}

/** An erased volunteer is a placeholder kept for the totals: nothing about it can change any more. */
export function assertNotErased(row: VolunteerRow): void {
  if (row.erasedAt) throw new AppError("invalid_state", { reason: "volunteer_erased" });
}

/** Replaces a volunteer's skills with the named ones (added to the shared list when new). */
export async function replaceSkills(tx: Db, volunteerId: string, names: readonly string[]): Promise<void> {
  await tx.delete(volunteerSkills).where(eq(volunteerSkills.volunteerId, volunteerId));
  const found = await resolveSkills(tx, names);
  if (found.length > 0) {
    await tx.insert(volunteerSkills).values(found.map((s) => ({ volunteerId, skillId: s.id })));
  }
}

/** Names of the fields whose values differ; the audit log records these names only, never the values. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  keys: readonly (keyof T & string)[],
): string[] {
  return keys.filter((k) => k in after && (before[k] ?? null) !== (after[k] ?? null));
}
