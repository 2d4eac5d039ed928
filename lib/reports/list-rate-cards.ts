import { and, asc, desc, eq, isNotNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations, rateCards, resources, specialistResources, users } from "@/db/schema";
import { type Actor, assertCan, can } from "@/lib/auth/permissions";
import { localDate } from "@/lib/domain/wall-clock";
import { RATE_CATEGORIES, type RateCategory, type RateUnit, unitOfCategory } from "./rate-card-schema";

export interface RateView {
  id: string;
  amount: number;
  unit: RateUnit;
  validFrom: string;
  source: string;
  createdAt: Date;
  createdBy: string | null;
  /** The rate in force today for its scope. */
  current: boolean;
}

export interface RateCardsView {
  categories: { category: RateCategory; unit: RateUnit; rates: RateView[] }[];
  resources: {
    id: string;
    name: string;
    kind: "premises" | "equipment" | "expertise";
    status: "active" | "archived";
    owner: { slug: string; name: string };
    /** The owner's own figure from the resource's page (not used in reports until adopted as a rate). */
    declaredRate: number | null;
    declaredUnit: string | null;
    specialist: boolean;
    rates: RateView[];
  }[];
  /** Whether the actor may add and remove rates and mark specialist work (the coordinator). */
  canManage: boolean;
}

/** Marks, per scope, the latest rate already valid on `today` (rates come newest first). */
function markCurrent(rates: Omit<RateView, "current">[], today: string): RateView[] {
  let found = false;
  return rates.map((r) => {
    const current = !found && r.validFrom <= today;
    if (current) found = true;
    return { ...r, current };
  });
}

/**
 * The rate cards with their history, newest first: per category, and per resource (its own rates). The coordinator
 * sees every resource; an admin its organisation's resources. Rates are not secret within the partnership.
 */
export async function listRateCards(db: Db, actor: Actor | null, now: Date = new Date()): Promise<RateCardsView> {
  assertCan(actor, "reports.own");
  const all = can(actor, "reports.all");
  const today = localDate(now);
  const rateRows = await db
    .select({
      id: rateCards.id,
      resourceId: rateCards.resourceId,
      category: rateCards.category,
      amount: rateCards.amount,
      unit: rateCards.unit,
      validFrom: rateCards.validFrom,
      source: rateCards.source,
      createdAt: rateCards.createdAt,
      createdBy: users.name,
    })
    .from(rateCards)
    .leftJoin(users, eq(users.id, rateCards.createdBy))
    .orderBy(desc(rateCards.validFrom), desc(rateCards.createdAt));
  const view = (r: (typeof rateRows)[number]) => ({
    id: r.id,
    amount: Number(r.amount),
    unit: r.unit as RateUnit,
    validFrom: r.validFrom,
    source: r.source,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
  });

  const ownOnly: SQL | undefined = all ? undefined : eq(resources.organisationId, actor.organisationId);
  const resourceRows = await db
    .select({
      id: resources.id,
      name: resources.name,
      kind: resources.kind,
      status: resources.status,
      ownerSlug: organisations.slug,
      ownerName: organisations.name,
      declaredRate: resources.inKindRate,
      declaredUnit: resources.inKindUnit,
      specialist: isNotNull(specialistResources.resourceId),
    })
    .from(resources)
    .innerJoin(organisations, eq(organisations.id, resources.organisationId))
    .leftJoin(specialistResources, eq(specialistResources.resourceId, resources.id))
    .where(and(ownOnly, eq(resources.status, "active")))
    .orderBy(asc(organisations.name), asc(resources.kind), asc(resources.name));

  return {
    categories: RATE_CATEGORIES.map((category) => ({
      category,
      unit: unitOfCategory[category],
      rates: markCurrent(rateRows.filter((r) => r.category === category).map(view), today),
    })),
    resources: resourceRows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      status: r.status,
      owner: { slug: r.ownerSlug, name: r.ownerName },
      declaredRate: r.declaredRate === null ? null : Number(r.declaredRate),
      declaredUnit: r.declaredUnit,
      specialist: Boolean(r.specialist),
      rates: markCurrent(rateRows.filter((x) => x.resourceId === r.id).map(view), today),
    })),
    canManage: all,
  };
}
