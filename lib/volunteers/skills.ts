import { asc, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { skills } from "@/db/schema";

export interface Skill {
  id: string;
  name: string;
}

/** A skill name as typed: trimmed, inner spaces collapsed, 2–60 characters. */
export const skillNameSchema = z
  .string("invalid")
  .transform((s) => s.trim().replace(/\s+/g, " "))
  .pipe(z.string().min(2, "too_short").max(60, "too_long"));

/** Comma- or newline-separated skill names from a form field, de-duplicated case-insensitively; at most 20. */
export const skillListSchema = z
  .union([z.string("invalid"), z.array(z.string("invalid"))], "invalid")
  .transform((v) => (Array.isArray(v) ? v : v.split(/[,\n]/)))
  .transform((names) => names.map((n) => n.trim()).filter((n) => n.length > 0))
  .pipe(z.array(skillNameSchema).max(20, "too_big"))
  .transform((names) => {
    const seen = new Set<string>();
    return names.filter((n) => {
      const key = n.toLocaleLowerCase("pl");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

/** The partnership's shared skill list, alphabetically (Polish collation is left to the caller's display). */
export async function listSkills(db: Db): Promise<Skill[]> {
  return db
    .select({ id: skills.id, name: skills.name })
    .from(skills)
    .orderBy(asc(sql`lower(${skills.name})`));
}

/**
 * The ids of the named skills, adding the missing ones to the shared list (matched case-insensitively, so
 * „Pierwsza pomoc” and „pierwsza pomoc” are one skill). Call inside the caller's transaction.
 */
export async function resolveSkills(tx: Db, names: readonly string[]): Promise<Skill[]> {
  if (names.length === 0) return [];
  await tx
    .insert(skills)
    .values(names.map((name) => ({ name })))
    .onConflictDoNothing();
  const lower = names.map((n) => n.toLowerCase());
  return tx
    .select({ id: skills.id, name: skills.name })
    .from(skills)
    .where(inArray(sql`lower(${skills.name})`, lower));
}
