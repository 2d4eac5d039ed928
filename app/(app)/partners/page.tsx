import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { listOrganisations } from "@/lib/organisations/list-organisations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("partners"))("title") };
}

export default async function PartnersPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const partners = await listOrganisations(await getDb(), actor);
  return (
    <>
      <PageHeader title={t("partners.title")} description={t("partners.intro", { count: partners.length })} />
      {partners.length === 0 ? (
        <EmptyState title={t("partners.empty")} />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {partners.map((p) => (
            <li key={p.id} className="card flex flex-col gap-2">
              <h2 className="text-lg font-semibold">
                <Link href={`/partners/${p.slug}`}>{p.name}</Link>
              </h2>
              <p className="text-sm text-slate-700">
                {t(`organisationKinds.${p.kind}`)}
                {p.isLeader ? ` · ${t("partners.leader")}` : ""}
              </p>
              <p className="line-clamp-3 text-slate-800">{p.description}</p>
              <p className="mt-auto text-sm text-slate-700">
                {t("partners.shares", {
                  premises: p.resourceCounts.premises,
                  equipment: p.resourceCounts.equipment,
                  expertise: p.resourceCounts.expertise,
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
