import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { count, eq, inArray, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "./connect";
import {
  blackouts,
  bookings,
  instanceSettings,
  memberships,
  openingHours,
  organisations,
  rateCards,
  resourceSkills,
  resources,
  resourceVolunteers,
  skills,
  specialistResources,
  users,
  volunteerQualifications,
  volunteerSkills,
  volunteers,
} from "./schema";
import {
  approveNotes,
  CONSENT_SCOPE,
  cancelNotes,
  declineNotes,
  requestNotes,
  requiredPending,
  type SeedResource,
  seedOfferTeams,
  seedOrganisations,
  seedRateCards,
  seedResources,
  seedSkills,
  seedSpecialistResources,
  seedVolunteers,
} from "./seed-data";
import { seedNeeds } from "./seed-needs";

export const DEMO_PASSWORD = "aktywni-z-pasja";
export const COORDINATOR_EMAIL = "koordynator@partnerstwo.test";
/** `instance_settings` key whose presence marks a demo installation. */
export const DEMO_SETTING_KEY = "demo_data";

const TZ = "Europe/Warsaw";
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const BOOKING_TARGET = 40;

const adminEmail = (slug: string) => `${slug}@partnerstwo.test`;
const memberEmail = (slug: string) => `${slug}.czlonek@partnerstwo.test`;

export interface DemoLogin {
  email: string;
  organisationSlug: string;
  role: "admin" | "coordinator";
}

/** The accounts worth showing on a demo login page: the coordinator and one administrator per organisation. */
export function demoLogins(): DemoLogin[] {
  return [
    { email: COORDINATOR_EMAIL, organisationSlug: "mops", role: "coordinator" },
    ...seedOrganisations.map((o) => ({ email: adminEmail(o.slug), organisationSlug: o.slug, role: "admin" as const })),
  ];
}

export function printDemoLogins(log: (line: string) => void = console.log): void {
  const rows = demoLogins();
  const width = Math.max(...rows.map((r) => r.email.length));
  log(`Demo accounts (password for all: ${DEMO_PASSWORD})`);
  for (const r of rows) log(`  ${r.email.padEnd(width)}  ${r.organisationSlug.padEnd(12)}  ${r.role}`);
  log(`  plus an ordinary member per organisation: ${memberEmail("<slug>")}`);
}

export async function isDemoInstance(db: Db): Promise<boolean> {
  const rows = await db
    .select({ key: instanceSettings.key })
    .from(instanceSettings)
    .where(eq(instanceSettings.key, DEMO_SETTING_KEY))
    .limit(1);
  return rows.length > 0;
}

/** Seeds the demo only into a database without organisations (the embedded trial database on first start). */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(organisations);
  if (n > 0) return false;
  return (await seedDemo(db)).created;
}

/**
 * Adds the demo partnership in one transaction. Idempotent and safe against a concurrent run: the `demo_data`
 * setting is claimed first with ON CONFLICT DO NOTHING, so a second run waits for the first and then does nothing.
 */
export async function seedDemo(db: Db, opts: { now?: Date } = {}): Promise<{ created: boolean }> {
  const now = opts.now ?? new Date();
  if (await isDemoInstance(db)) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD); // once: argon2 is deliberately slow

  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(instanceSettings)
      .values({ key: DEMO_SETTING_KEY, value: { seededAt: now.toISOString() } })
      .onConflictDoNothing()
      .returning({ key: instanceSettings.key });
    if (claimed.length === 0) return { created: false };
    await assertNoClash(tx);

    const orgRows = await tx
      .insert(organisations)
      .values(
        seedOrganisations.map((o) => ({
          slug: o.slug,
          name: o.name,
          kind: o.kind,
          status: "active" as const,
          isLeader: o.isLeader ?? false,
          description: o.description,
          contactEmail: o.contactEmail,
          contactPhone: o.contactPhone,
          address: o.address,
        })),
      )
      .returning({ id: organisations.id, slug: organisations.slug });
    const orgId = new Map(orgRows.map((r) => [r.slug, r.id]));

    const userValues = [
      ...seedOrganisations.flatMap((o) => [
        { email: adminEmail(o.slug), name: `Administrator – ${o.shortName}`, passwordHash },
        { email: memberEmail(o.slug), name: `Członek zespołu – ${o.shortName}`, passwordHash },
      ]),
      { email: COORDINATOR_EMAIL, name: "Koordynatorka partnerstwa", passwordHash },
    ];
    const userRows = await tx.insert(users).values(userValues).returning({ id: users.id, email: users.email });
    const userId = new Map(userRows.map((r) => [r.email, r.id]));
    const adminOf = (slug: string) => userId.get(adminEmail(slug)) as string;

    await tx.insert(memberships).values([
      ...seedOrganisations.flatMap((o) => [
        { userId: adminOf(o.slug), organisationId: orgId.get(o.slug) as string, role: "admin" as const },
        {
          userId: userId.get(memberEmail(o.slug)) as string,
          organisationId: orgId.get(o.slug) as string,
          role: "member" as const,
        },
      ]),
      {
        userId: userId.get(COORDINATOR_EMAIL) as string,
        organisationId: orgId.get("mops") as string,
        role: "member" as const,
        coordinator: true,
      },
    ]);

    const resourceRows = await tx
      .insert(resources)
      .values(
        seedResources.map((r) => ({
          organisationId: orgId.get(r.owner) as string,
          kind: r.kind,
          name: r.name,
          description: r.description,
          location: r.location,
          capacity: r.capacity ?? null,
          quantity: r.quantity ?? 1,
          bookingMode: r.bookingMode,
          minMinutes: r.minMinutes ?? null,
          maxMinutes: r.maxMinutes ?? null,
          leadMinutes: r.leadMinutes ?? null,
          horizonDays: r.horizonDays ?? null,
          bufferMinutes: r.bufferMinutes ?? 0,
          inKindRate: r.inKindRate,
          inKindUnit: r.inKindUnit,
          details: r.details,
        })),
      )
      .returning({ id: resources.id });
    const resourceId = new Map(seedResources.map((r, i) => [r.key, resourceRows[i].id]));

    const hourRows = seedResources.flatMap((r) =>
      r.hours.flatMap((h) =>
        h.days.map((weekday) => ({
          resourceId: resourceId.get(r.key) as string,
          weekday,
          startTime: clock(h.from),
          endTime: clock(h.to),
        })),
      ),
    );
    await tx.insert(openingHours).values(hourRows);

    const closures = plannedBlackouts(now);
    await tx.insert(blackouts).values(
      closures.map((b) => ({
        resourceId: resourceId.get(b.resource) as string,
        period: range(b.start, b.end),
        reason: b.reason,
      })),
    );

    await seedRates(tx, resourceId, userId.get(COORDINATOR_EMAIL) as string);

    const plan = planBookings(now, closures);
    await tx.insert(bookings).values(
      plan.map((b) => ({
        resourceId: resourceId.get(b.resource.key) as string,
        organisationId: orgId.get(b.requester) as string,
        userId: adminOf(b.requester),
        period: range(b.start, b.end),
        quantity: b.quantity,
        status: b.status,
        purpose: b.purpose,
        attendees: b.attendees,
        note: b.note,
        decisionNote: b.decisionNote,
        decidedBy: b.decidedByOwner ? adminOf(b.resource.owner) : null,
        decidedAt: b.decidedAt,
        createdAt: b.createdAt,
        updatedAt: b.updatedAt,
      })),
    );

    await seedVolunteerData(tx, orgId, resourceId);
    await seedNeeds(tx, { orgId, adminOf, now }); // after the volunteers: its engagements name them
    return { created: true };
  });
}

/** The rate cards for in-kind valuation, entered by the coordinator, and the expertise that is specialist work. */
async function seedRates(tx: Db, resourceId: Map<string, string>, coordinatorId: string): Promise<void> {
  const kindOf = new Map(seedResources.map((r) => [r.key, r.kind]));
  const unitOfKind = { premises: "hour", equipment: "unit_day", expertise: "volunteer_hour" } as const;
  const unitOfCategory = {
    premises_hour: "hour",
    equipment_unit_day: "unit_day",
    volunteer_hour_simple: "volunteer_hour",
    volunteer_hour_specialist: "volunteer_hour",
  } as const;
  await tx.insert(rateCards).values(
    seedRateCards.map((r) => ({
      resourceId: r.resource ? (resourceId.get(r.resource) as string) : null,
      category: r.category ?? null,
      amount: r.amount,
      unit: r.category ? unitOfCategory[r.category] : unitOfKind[kindOf.get(r.resource as string) ?? "premises"],
      validFrom: r.validFrom,
      source: r.source,
      createdBy: coordinatorId,
    })),
  );
  await tx
    .insert(specialistResources)
    .values(
      seedSpecialistResources.map((key) => ({ resourceId: resourceId.get(key) as string, markedBy: coordinatorId })),
    );
}

/**
 * The shared skill list, each partner's volunteers (skills, qualifications, the children-work check, consent) and
 * the teams and skill tags of the expertise offers. Skills already on the list (added by hand before) are reused.
 */
async function seedVolunteerData(tx: Db, orgId: Map<string, string>, resourceId: Map<string, string>): Promise<void> {
  await tx
    .insert(skills)
    .values(seedSkills.map((name) => ({ name })))
    .onConflictDoNothing();
  const skillRows = await tx.select({ id: skills.id, name: skills.name }).from(skills);
  const skillId = (name: string) => {
    const found = skillRows.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`demo seed: skill ${name} is not on the list`);
    return found.id;
  };
  const rows = await tx
    .insert(volunteers)
    .values(
      seedVolunteers.map((v) => ({
        organisationId: orgId.get(v.owner) as string,
        firstName: v.firstName,
        lastName: v.lastName,
        email: v.email ?? null,
        phone: v.phone ?? null,
        notes: v.notes ?? "",
        childrenCheckOn: v.childrenCheckOn ?? null,
        consentOn: v.consentOn ?? null,
        consentScope: v.consentOn ? CONSENT_SCOPE : "",
        active: v.active ?? true,
      })),
    )
    .returning({ id: volunteers.id });
  const volunteerId = new Map(seedVolunteers.map((v, i) => [v.key, rows[i].id]));
  await tx
    .insert(volunteerSkills)
    .values(
      seedVolunteers.flatMap((v) =>
        v.skills.map((s) => ({ volunteerId: volunteerId.get(v.key) as string, skillId: skillId(s) })),
      ),
    );
  await tx.insert(volunteerQualifications).values(
    seedVolunteers.flatMap((v) =>
      (v.qualifications ?? []).map((q) => ({
        volunteerId: volunteerId.get(v.key) as string,
        skillId: skillId(q.skill),
        name: q.name,
        validUntil: q.validUntil,
      })),
    ),
  );
  await tx.insert(resourceSkills).values(
    seedOfferTeams.flatMap((o) =>
      o.skills.map((s) => ({
        resourceId: resourceId.get(o.resource) as string,
        skillId: skillId(s.name),
        certificateRequired: s.certificateRequired,
      })),
    ),
  );
  await tx.insert(resourceVolunteers).values(
    seedOfferTeams.flatMap((o) =>
      o.volunteers.map((key) => ({
        resourceId: resourceId.get(o.resource) as string,
        volunteerId: volunteerId.get(key) as string,
      })),
    ),
  );
}

/** Demo slugs or e-mails already taken by real data: refuse rather than mix demo accounts into it. */
async function assertNoClash(tx: Db): Promise<void> {
  const emails = [COORDINATOR_EMAIL, ...seedOrganisations.flatMap((o) => [adminEmail(o.slug), memberEmail(o.slug)])];
  const [orgs, people] = await Promise.all([
    tx
      .select({ n: count() })
      .from(organisations)
      .where(
        inArray(
          organisations.slug,
          seedOrganisations.map((o) => o.slug),
        ),
      ),
    tx
      .select({ n: count() })
      .from(users)
      .where(inArray(sql`lower(${users.email})`, emails)),
  ]);
  if (orgs[0].n > 0 || people[0].n > 0) {
    throw new Error(
      "the database already holds organisations or users with the demo slugs/e-mails; demo data was not added",
    );
  }
}

// —— time helpers (Europe/Warsaw wall clock) ——

interface LocalDay {
  y: number;
  m: number;
  d: number;
  /** ISO: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const clock = (hour: number) => `${String(hour).padStart(2, "0")}:00:00`;
const range = (start: Date, end: Date) => `[${start.toISOString()},${end.toISOString()})`;

function localDay(now: Date, offset: number): LocalDay {
  const day = addDays(new TZDate(now, TZ), offset);
  return { y: day.getFullYear(), m: day.getMonth(), d: day.getDate(), weekday: day.getDay() || 7 };
}

/** A whole hour on a local day; hour 24 is the next midnight. */
const at = (day: Pick<LocalDay, "y" | "m" | "d">, hour: number) =>
  new Date(new TZDate(day.y, day.m, day.d, hour, 0, 0, TZ).getTime());

interface Closure {
  resource: string;
  start: Date;
  end: Date;
  reason: string;
}

function plannedBlackouts(now: Date): Closure[] {
  const today = localDay(now, 0);
  const year = now < at({ y: today.y, m: 11, d: 27 }, 0) ? today.y : today.y + 1;
  const inTwoWeeks = localDay(now, 15);
  return [
    {
      resource: "parafia-sala",
      start: at({ y: year, m: 11, d: 24 }, 0),
      end: at({ y: year, m: 11, d: 27 }, 0),
      reason: "Święta Bożego Narodzenia – sala zajęta na potrzeby parafii",
    },
    {
      resource: "mosir-hala",
      start: at(inTwoWeeks, 0),
      end: at(localDay(now, 18), 0),
      reason: "Konserwacja parkietu – hala nieczynna",
    },
  ];
}

// —— bookings ——

type Status = "pending" | "approved" | "declined" | "cancelled" | "completed";

interface PlannedBooking {
  resource: SeedResource;
  requester: string;
  start: Date;
  end: Date;
  quantity: number;
  status: Status;
  purpose: string;
  attendees: number | null;
  note: string | null;
  decisionNote: string | null;
  decidedByOwner: boolean;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** mulberry32: a tiny seeded PRNG, so every run plans the same bookings for the same `now`. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  return { next, int, pick };
}

/** Fixed-date public holidays (month 0-based, day) on which the demo books nothing. */
const HOLIDAYS = new Set(["0-1", "0-6", "4-1", "4-3", "7-15", "10-1", "10-11", "11-24", "11-25", "11-26"]);

const MAX_HOURS: Record<SeedResource["kind"], number> = { premises: 5, equipment: 8, expertise: 4 };

/**
 * About 40 bookings between different organisations over the past 8 and the coming 6 weeks, in whole local hours
 * inside opening hours, never overlapping a blackout, and never holding more units (including the buffer) than exist.
 */
function planBookings(now: Date, closures: Closure[]): PlannedBooking[] {
  const rnd = prng(20131210);
  const held = new Map<string, { start: number; blockedEnd: number; quantity: number }[]>();
  const planned: PlannedBooking[] = [];
  const t = now.getTime();

  const slot = (res: SeedResource, future: boolean) => {
    const day = localDay(now, future ? rnd.int(1, 42) : -rnd.int(1, 56));
    if (HOLIDAYS.has(`${day.m}-${day.d}`)) return null;
    const open = res.hours.length ? res.hours.filter((h) => h.days.includes(day.weekday)) : [{ from: 8, to: 20 }];
    if (open.length === 0) return null;
    const { from, to } = rnd.pick(open);
    const minH = Math.max(1, Math.ceil((res.minMinutes ?? 60) / 60));
    const maxH = Math.min(to - from, Math.floor((res.maxMinutes ?? 24 * 60) / 60), MAX_HOURS[res.kind]);
    if (minH > maxH) return null;
    const length = rnd.int(minH, maxH);
    const startHour = rnd.int(from, to - length);
    const start = at(day, startHour);
    const end = at(day, startHour + length);
    if (future) {
      if (start.getTime() < t + (res.leadMinutes ?? 0) * 60_000 + HOUR_MS) return null;
      if (res.horizonDays && start.getTime() > t + res.horizonDays * DAY_MS) return null;
    } else if (end.getTime() > t) return null;
    if (closures.some((c) => c.resource === res.key && c.start < end && start < c.end)) return null;
    return { start, end };
  };

  const chooseStatus = (res: SeedResource, future: boolean): Status => {
    const r = rnd.next();
    if (future) return res.bookingMode === "approval" && r < 0.4 ? "pending" : "approved";
    if (res.bookingMode === "instant") return r < 0.8 ? "completed" : r < 0.9 ? "approved" : "cancelled";
    return r < 0.6 ? "completed" : r < 0.72 ? "approved" : r < 0.88 ? "declined" : "cancelled";
  };

  const tryAdd = (res: SeedResource, requester: string, future: boolean, status?: Status, purpose?: string) => {
    const s = slot(res, future);
    if (!s) return false;
    const quantity = res.bookQuantity ? rnd.int(...res.bookQuantity) : 1;
    const finalStatus = status ?? chooseStatus(res, future);
    const holds = finalStatus === "pending" || finalStatus === "approved";
    if (holds) {
      const list = held.get(res.key) ?? [];
      const start = s.start.getTime();
      const blockedEnd = s.end.getTime() + (res.bufferMinutes ?? 0) * 60_000;
      const used = list
        .filter((h) => h.start < blockedEnd && start < h.blockedEnd)
        .reduce((sum, h) => sum + h.quantity, 0);
      if (used + quantity > (res.quantity ?? 1)) return false;
      list.push({ start, blockedEnd, quantity });
      held.set(res.key, list);
    }
    // Requested some days before (respecting the lead time), never after now.
    const lead = (res.leadMinutes ?? 0) * 60_000;
    let createdAt = new Date(s.start.getTime() - lead - rnd.int(1, 10) * DAY_MS - rnd.int(0, 8) * HOUR_MS);
    if (createdAt.getTime() > t) createdAt = new Date(t - rnd.int(2, 72) * HOUR_MS);
    const decides = finalStatus === "approved" || finalStatus === "completed" || finalStatus === "declined";
    const byOwner = decides && res.bookingMode === "approval";
    const decidedAt = !decides
      ? null
      : byOwner
        ? new Date(Math.min(createdAt.getTime() + rnd.int(2, 48) * HOUR_MS, s.start.getTime() - HOUR_MS, t))
        : createdAt;
    const cancelled = finalStatus === "cancelled";
    planned.push({
      resource: res,
      requester,
      start: s.start,
      end: s.end,
      quantity,
      status: finalStatus,
      purpose: purpose ?? rnd.pick(res.purposes),
      attendees: res.attendees ? rnd.int(...res.attendees) : null,
      note: cancelled ? `Odwołane: ${rnd.pick(cancelNotes)}` : rnd.next() < 0.3 ? rnd.pick(requestNotes) : null,
      decisionNote: !byOwner
        ? null
        : finalStatus === "declined"
          ? rnd.pick(declineNotes)
          : rnd.next() < 0.5
            ? rnd.pick(approveNotes)
            : null,
      decidedByOwner: byOwner,
      decidedAt: decidedAt && decidedAt < createdAt ? createdAt : decidedAt,
      createdAt,
      updatedAt: cancelled ? new Date(Math.min(createdAt.getTime() + DAY_MS, t)) : (decidedAt ?? createdAt),
    });
    return true;
  };

  const byKey = new Map(seedResources.map((r) => [r.key, r]));
  for (const want of requiredPending) {
    const res = byKey.get(want.resource) as SeedResource;
    let placed = false;
    for (let attempt = 0; attempt < 500 && !placed; attempt++) {
      placed = tryAdd(res, want.requester, true, "pending", want.purpose);
    }
    if (!placed) throw new Error(`demo seed: no free slot for a pending booking of ${want.resource}`);
  }
  for (let attempt = 0; planned.length < BOOKING_TARGET && attempt < 5000; attempt++) {
    const res = rnd.pick(seedResources);
    const requester = rnd.pick(seedOrganisations.filter((o) => o.slug !== res.owner)).slug;
    tryAdd(res, requester, rnd.next() < 0.45);
  }
  return planned.sort((a, b) => a.start.getTime() - b.start.getTime());
}
