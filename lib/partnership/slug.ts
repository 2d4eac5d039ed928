import { like } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations } from "@/db/schema";

/** `Stowarzyszenie „Nowe Łąki”` → `stowarzyszenie-nowe-laki`. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return base || "partner";
}

/** A slug no organisation has yet: the name's, or with `-2`, `-3` … appended. */
export async function uniqueSlug(tx: Db, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (
      await tx
        .select({ slug: organisations.slug })
        .from(organisations)
        .where(like(organisations.slug, `${base}%`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
