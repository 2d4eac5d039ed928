import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AlertIcon } from "@/app/_components/icons";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/permissions";
import { getOfferTeam } from "@/lib/volunteers/offer-team";
import { listSkills } from "@/lib/volunteers/skills";
import { OfferSkillsForm, OfferTeamForm } from "./offer-team-forms";

/**
 * An expertise offer's skills and the volunteers who can deliver it. Partners see the tags and first names with
 * skills (contact only where the privacy rule allows); the owner edits both.
 */
export async function OfferTeamSection({ db, actor, resourceId }: { db: Db; actor: Actor; resourceId: string }) {
  const t = await getTranslations("volunteers.team");
  const tv = await getTranslations("volunteers");
  const offer = await getOfferTeam(db, actor, resourceId);
  const vocabulary = offer.canManage ? (await listSkills(db)).map((s) => s.name) : [];
  return (
    <section aria-labelledby="offer-team-title" className="card space-y-4" data-testid="offer-team">
      <div>
        <h2 id="offer-team-title" className="text-xl font-semibold">
          {t("title")}
        </h2>
        <p className="text-slate-700">{offer.canManage ? t("introOwner") : t("intro")}</p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="text-lg font-semibold">{t("skillsTitle")}</h3>
          {offer.skills.length === 0 ? (
            <p className="text-slate-700">{t("noSkills")}</p>
          ) : (
            <ul className="mt-1 flex flex-wrap gap-2">
              {offer.skills.map((s) => (
                <li key={s.name} className="rounded-full border border-slate-300 bg-slate-50 px-3 py-1">
                  {s.name}
                  {s.certificateRequired ? (
                    <span className="ml-1 inline-flex items-center gap-1 text-sm text-amber-900">
                      <AlertIcon width={14} height={14} />
                      {t("certificateRequired")}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="text-lg font-semibold">{t("teamTitle")}</h3>
          {offer.team.length === 0 ? (
            <p className="text-slate-700">{t("noTeam")}</p>
          ) : (
            <ul className="mt-1 space-y-1" data-testid="offer-team-members">
              {offer.team.map((c) => (
                <li key={c.id}>
                  {offer.canManage ? (
                    <Link href={`/volunteers/${c.id}`} className="font-medium">
                      {c.firstName}
                    </Link>
                  ) : (
                    <span className="font-medium">{c.firstName}</span>
                  )}
                  {c.skills.length ? <span className="text-slate-700"> – {c.skills.join(", ")}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {offer.canManage ? (
        <div className="grid gap-6 border-t border-slate-200 pt-4 md:grid-cols-2">
          <div>
            <h3 className="mb-1 text-lg font-semibold">{t("editSkillsTitle")}</h3>
            <OfferSkillsForm resourceId={offer.resourceId} skills={offer.skills} vocabulary={vocabulary} />
          </div>
          <div>
            <h3 className="mb-1 text-lg font-semibold">{t("editTeamTitle")}</h3>
            {offer.candidates.length === 0 ? (
              <p className="text-slate-700">
                {t("noCandidates")} <Link href="/volunteers/new">{tv("add")}</Link>
              </p>
            ) : (
              <OfferTeamForm resourceId={offer.resourceId} candidates={offer.candidates} />
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}
