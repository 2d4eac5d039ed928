import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import type { CandidateView } from "@/app/_components/volunteer-checklist";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { getBookingVolunteers } from "@/lib/engagements/booking-volunteers";
import { EngagementList } from "../../engagements/_components/engagement-list";
import { gateSentences } from "../../needs/_lib/volunteer-errors";
import { AssignForm } from "./assign-form";

/**
 * The volunteers of a request for an expertise offer: who is assigned (both parties; the requester sees contact
 * details for the time of the work) and, for the owner of an approved request, the offer's team to assign from.
 */
export async function BookingVolunteers({ db, actor, bookingId }: { db: Db; actor: Actor; bookingId: string }) {
  const now = new Date();
  const data = await getBookingVolunteers(db, actor, bookingId, now);
  if (!data) return null;
  const t = await getTranslations("engagements.assign");
  const tn = await getTranslations("needs");
  const certified = data.requirement.skills.filter((s) => s.certificateRequired).map((s) => s.name);
  const requirements = [
    ...(data.requirement.childrenCheckRequired ? [t("requiresCheck")] : []),
    ...(certified.length > 0 ? [t("requiresCertificates", { skills: certified.join(", ") })] : []),
  ];
  const assigned = data.engagements.filter((e) => e.status === "active");
  const team = data.team
    ? await Promise.all(
        data.team
          .filter((m) => !m.assigned)
          .map(
            async (m): Promise<CandidateView> => ({
              id: m.card.id,
              label: m.card.contact ? `${m.card.firstName} ${m.card.contact.lastName}`.trim() : m.card.firstName,
              skills: m.card.skills.join(", "),
              reasons: [
                ...(await gateSentences(m.card.firstName, m.problems)),
                ...(m.busy ? [tn("gates.busy", { name: m.card.firstName })] : []),
              ],
            }),
          ),
      )
    : null;
  const mayAssign = data.team !== null && "assignable" in data && data.assignable && can(actor, "volunteers.manage");
  return (
    <section aria-labelledby="booking-volunteers" className="card lg:col-span-2" data-testid="booking-volunteers">
      <h2 id="booking-volunteers" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {requirements.length > 0 ? (
        <p className="text-sm text-slate-700">{t("requirements", { list: requirements.join("; ") })}</p>
      ) : null}
      {data.engagements.length > 0 ? (
        <EngagementList
          rows={data.engagements}
          actor={actor}
          now={now}
          returnTo={`/bookings/${bookingId}`}
          showTitle={false}
        />
      ) : (
        <p className="mt-2 text-slate-800">{data.team ? t("noneYetOwner") : t("noneYetRequester")}</p>
      )}
      {mayAssign && team ? (
        team.length > 0 ? (
          <div className="mt-4">
            <AssignForm bookingId={bookingId} team={team} />
          </div>
        ) : assigned.length === 0 ? (
          <div className="mt-3">
            <EmptyState title={t("noTeam")}>
              {t("noTeamHint")} <Link href={`/resources`}>{t("resourcesLink")}</Link>
            </EmptyState>
          </div>
        ) : null
      ) : null}
    </section>
  );
}
