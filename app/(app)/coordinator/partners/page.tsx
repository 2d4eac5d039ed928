import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { listPartnersForCoordinator } from "@/lib/partnership/partner-status";
import { CoordinatorNav } from "../coordinator-nav";
import { PartnerStatusForm } from "./status-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("coordinator"))("partnersTitle") };
}

const tone = {
  active: "bg-green-100 text-green-950",
  suspended: "bg-red-100 text-red-950",
  left: "bg-slate-200 text-slate-900",
  applicant: "bg-amber-100 text-amber-950",
} as const;

export default async function CoordinatorPartnersPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const partners = await listPartnersForCoordinator(await getDb(), actor);
  return (
    <>
      <PageHeader title={t("coordinator.partnersTitle")} description={t("coordinator.partnersIntro")} />
      <CoordinatorNav />
      <ul className="card divide-y divide-slate-200">
        {partners.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="partner-row">
            <div>
              <p className="font-medium">
                {p.status === "active" ? <Link href={`/partners/${p.slug}`}>{p.name}</Link> : p.name}
              </p>
              <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                <span>{t(`organisationKinds.${p.kind}`)}</span>
                <span className={`rounded-full px-2 py-0.5 font-medium ${tone[p.status]}`}>
                  {t(`coordinator.orgStatus.${p.status}`)}
                </span>
                {p.isLeader ? <span>{t("coordinator.leaderNote")}</span> : null}
              </p>
            </div>
            {!p.isLeader && (p.status === "active" || p.status === "suspended") ? (
              <PartnerStatusForm organisationId={p.id} name={p.name} status={p.status} />
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
