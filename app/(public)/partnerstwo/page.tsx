import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getPartnershipOverview } from "@/lib/partnership/get-overview";
import { ApplyForm } from "./apply-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("partnership"))("title") };
}

/** The public page of the partnership: its aim, its members, what they share, and how to join. */
export default async function PartnershipPage() {
  const t = await getTranslations();
  const { members, totals } = await getPartnershipOverview(await getDb());
  return (
    // The public layout is narrow (sign-in forms); this page takes the width of the screen, up to 64rem.
    <div className="relative left-1/2 w-[min(64rem,calc(100vw-2rem))] -translate-x-1/2 space-y-8">
      <div>
        <h1 className="text-2xl font-bold sm:text-3xl">{t("partnership.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-800">{t("partnership.lead")}</p>
        <p className="mt-2 text-slate-700">
          {t("partnership.haveAccount")} <Link href="/login">{t("partnership.signIn")}</Link>
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="aims" className="card">
          <h2 id="aims" className="text-xl font-semibold">
            {t("partnership.aimsTitle")}
          </h2>
          <p className="mt-2">{t("partnership.aim")}</p>
          <h3 className="mt-4 font-semibold">{t("partnership.aimsList")}</h3>
          <ul className="mt-1 list-disc space-y-1 pl-6">
            {(["aim1", "aim2", "aim3", "aim4", "aim5"] as const).map((k) => (
              <li key={k}>{t(`partnership.${k}`)}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="shared" className="card">
          <h2 id="shared" className="text-xl font-semibold">
            {t("partnership.sharedTitle")}
          </h2>
          <p className="mt-2">{t("partnership.sharedSummary", totals)}</p>
          <h2 id="members" className="mt-6 text-xl font-semibold">
            {t("partnership.membersTitle")}
          </h2>
          <p className="mt-1 text-slate-700">{t("partnership.membersIntro", { count: members.length })}</p>
          <ul className="mt-2 divide-y divide-slate-200" aria-labelledby="members">
            {members.map((m) => (
              <li key={m.id} className="py-2">
                <p className="font-medium">{m.name}</p>
                <p className="text-sm text-slate-700">
                  {t(`organisationKinds.${m.kind}`)}
                  {m.isLeader ? ` · ${t("partnership.leader")}` : ""} ·{" "}
                  {t("partnership.memberShares", {
                    premises: m.premises,
                    equipment: m.equipment,
                    expertise: m.expertise,
                  })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="apply" className="card max-w-3xl" id="zgloszenie">
        <h2 id="apply" className="text-xl font-semibold">
          {t("partnership.applyTitle")}
        </h2>
        <p className="mb-4 mt-1 text-slate-700">{t("partnership.applyIntro")}</p>
        <ApplyForm />
      </section>
    </div>
  );
}
