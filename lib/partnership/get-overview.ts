import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations, resources } from "@/db/schema";

/**
 * What the public page shows about the partnership: its active members and how much each shares. Public on purpose:
 * the partnership is open to anyone, and its members are listed in its founding agreement.
 */
export async function getPartnershipOverview(db: Db) {
  const members = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      isLeader: organisations.isLeader,
    })
    .from(organisations)
    .where(eq(organisations.status, "active"))
    .orderBy(asc(organisations.name));
  const shared = await db
    .select({ organisationId: resources.organisationId, kind: resources.kind, n: count() })
    .from(resources)
    .innerJoin(organisations, eq(organisations.id, resources.organisationId))
    .where(and(eq(resources.status, "active"), eq(organisations.status, "active")))
    .groupBy(resources.organisationId, resources.kind);
  const totals = { premises: 0, equipment: 0, expertise: 0 };
  for (const s of shared) totals[s.kind] += Number(s.n);
  return {
    members: members.map((m) => {
      const of = (kind: keyof typeof totals) =>
        Number(shared.find((s) => s.organisationId === m.id && s.kind === kind)?.n ?? 0);
      return { ...m, premises: of("premises"), equipment: of("equipment"), expertise: of("expertise") };
    }),
    totals,
  };
}
