import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations, resources } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";

/** The partner directory: active partners with what they share, in name order. */
export async function listOrganisations(db: Db, actor: Actor | null) {
  assertCan(actor, "organisation.view");
  const orgs = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      description: organisations.description,
      isLeader: organisations.isLeader,
    })
    .from(organisations)
    .where(eq(organisations.status, "active"))
    .orderBy(asc(organisations.name));
  if (orgs.length === 0) return [];
  const counts = await db
    .select({ organisationId: resources.organisationId, kind: resources.kind, n: count() })
    .from(resources)
    .where(
      and(
        eq(resources.status, "active"),
        inArray(
          resources.organisationId,
          orgs.map((o) => o.id),
        ),
      ),
    )
    .groupBy(resources.organisationId, resources.kind);
  return orgs.map((o) => {
    const mine = counts.filter((c) => c.organisationId === o.id);
    const of = (kind: "premises" | "equipment" | "expertise") => mine.find((c) => c.kind === kind)?.n ?? 0;
    return {
      ...o,
      resourceCounts: { premises: of("premises"), equipment: of("equipment"), expertise: of("expertise") },
    };
  });
}
