import { and, asc, eq, isNull } from "drizzle-orm";
import { toRange } from "@/lib/domain/period";
import { addLocalDays, localDate, localInstant } from "@/lib/domain/wall-clock";
import { resolveSkills } from "@/lib/volunteers/skills";
import type { Db } from "./connect";
import {
  engagements,
  needAnswers,
  needAnswerVolunteers,
  needSkills,
  needs,
  volunteerSkills,
  volunteers,
} from "./schema";

interface SeedNeed {
  poster: string;
  title: string;
  description: string;
  location: string;
  /** Days from today (local) and the wall-clock times. */
  day: number;
  from: string;
  to: string;
  volunteersNeeded: number;
  childrenCheckRequired: boolean;
  skills: { name: string; certificateRequired: boolean }[];
}

const openNeeds: SeedNeed[] = [
  {
    poster: "razem",
    title: "Warsztaty „Bezpieczne wakacje” dla dzieci ze świetlicy",
    description:
      "Dwugodzinne zajęcia dla 20 dzieci w wieku 8–12 lat: jak wezwać pomoc, pierwsza pomoc w praktyce, zabawy ruchowe. Zapewniamy salę i poczęstunek.",
    location: "Świetlica Stowarzyszenia „Razem”, Bolesławiec",
    day: 10,
    from: "10:00",
    to: "13:00",
    volunteersNeeded: 2,
    childrenCheckRequired: true,
    skills: [
      { name: "Pierwsza pomoc", certificateRequired: true },
      { name: "Animacja zabaw", certificateRequired: false },
    ],
  },
  {
    poster: "caritas",
    title: "Pomoc przy wydawaniu paczek żywnościowych",
    description: "Rozładunek dostawy, pakowanie i wydawanie paczek. Mile widziane osoby z prawem jazdy kat. B.",
    location: "Caritas, ul. Kościelna, Bolesławiec",
    day: 14,
    from: "09:00",
    to: "14:00",
    volunteersNeeded: 3,
    childrenCheckRequired: false,
    skills: [
      { name: "Pomoc przy wydarzeniach", certificateRequired: false },
      { name: "Prawo jazdy kat. B", certificateRequired: false },
    ],
  },
];

/**
 * The needs board of the demo (called once from `seedDemo`, after the volunteers are seeded): two open needs, and a
 * past one filled by PCK whose hours PCK recorded and Razem has still to confirm — so the dashboard's "hours to
 * confirm" and the engagements page have something to show. If PCK has no volunteer yet, one is added.
 */
export async function seedNeeds(
  tx: Db,
  ctx: { orgId: Map<string, string>; adminOf: (slug: string) => string; now: Date },
): Promise<void> {
  const today = localDate(ctx.now);
  const org = (slug: string) => ctx.orgId.get(slug) as string;
  const insertNeed = async (n: SeedNeed, status: "open" | "filled", createdAt: Date) => {
    const date = addLocalDays(today, n.day);
    const start = localInstant(date, n.from);
    const end = localInstant(date, n.to);
    const [row] = await tx
      .insert(needs)
      .values({
        organisationId: org(n.poster),
        createdBy: ctx.adminOf(n.poster),
        title: n.title,
        description: n.description,
        location: n.location,
        period: toRange({ start, end }),
        volunteersNeeded: n.volunteersNeeded,
        childrenCheckRequired: n.childrenCheckRequired,
        status,
        closedAt: status === "filled" ? createdAt : null,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: needs.id });
    const found = await resolveSkills(
      tx,
      n.skills.map((s) => s.name),
    );
    await tx.insert(needSkills).values(
      n.skills.map((s) => ({
        needId: row.id,
        skillId: found.find((f) => f.name.toLowerCase() === s.name.toLowerCase())?.id as string,
        certificateRequired: s.certificateRequired,
      })),
    );
    return { id: row.id, start, end, skills: found };
  };

  for (const n of openNeeds) await insertNeed(n, "open", new Date(ctx.now.getTime() - 2 * 86_400_000));

  // Last week's first-aid talk at Razem, given by a PCK volunteer: hours recorded, waiting for Razem's confirmation.
  const past = await insertNeed(
    {
      poster: "razem",
      title: "Pogadanka o pierwszej pomocy dla rodziców",
      description: "Spotkanie z rodzicami dzieci ze świetlicy.",
      location: "Świetlica Stowarzyszenia „Razem”, Bolesławiec",
      day: -5,
      from: "17:00",
      to: "19:00",
      volunteersNeeded: 1,
      childrenCheckRequired: false,
      skills: [{ name: "Pierwsza pomoc", certificateRequired: false }],
    },
    "filled",
    new Date(ctx.now.getTime() - 12 * 86_400_000),
  );
  let [volunteer] = await tx
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(and(eq(volunteers.organisationId, org("pck")), eq(volunteers.active, true), isNull(volunteers.erasedAt)))
    .orderBy(asc(volunteers.createdAt), asc(volunteers.id))
    .limit(1);
  if (!volunteer) {
    [volunteer] = await tx
      .insert(volunteers)
      .values({
        organisationId: org("pck"),
        firstName: "Katarzyna",
        lastName: "Demo",
        consentOn: addLocalDays(today, -60),
        consentScope: "Prowadzenie ewidencji wolontariuszy i kontakt z partnerami (dane demonstracyjne).",
      })
      .returning({ id: volunteers.id });
    await tx.insert(volunteerSkills).values({ volunteerId: volunteer.id, skillId: past.skills[0].id });
  }
  const decidedAt = new Date(ctx.now.getTime() - 10 * 86_400_000);
  const [answer] = await tx
    .insert(needAnswers)
    .values({
      needId: past.id,
      organisationId: org("pck"),
      createdBy: ctx.adminOf("pck"),
      note: "Poprowadzi nasza instruktorka.",
      status: "accepted",
      decidedBy: ctx.adminOf("razem"),
      decidedAt,
      createdAt: new Date(ctx.now.getTime() - 11 * 86_400_000),
    })
    .returning({ id: needAnswers.id });
  await tx.insert(needAnswerVolunteers).values({ answerId: answer.id, volunteerId: volunteer.id });
  await tx.insert(engagements).values({
    volunteerId: volunteer.id,
    organisationId: org("pck"),
    receivingOrganisationId: org("razem"),
    needAnswerId: answer.id,
    title: "Pogadanka o pierwszej pomocy dla rodziców",
    period: toRange({ start: past.start, end: past.end }),
    assignedBy: ctx.adminOf("razem"),
    hours: "2.00",
    hoursStatus: "recorded",
    hoursNote: "Z przygotowaniem sali.",
    hoursRecordedBy: ctx.adminOf("pck"),
    hoursRecordedAt: new Date(ctx.now.getTime() - 4 * 86_400_000),
    createdAt: decidedAt,
    updatedAt: decidedAt,
  });
}
