import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { KindBadge } from "@/app/_components/kind-badge";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { getOrganisationProfile } from "@/lib/organisations/get-organisation-profile";

async function load(slug: string) {
  const actor = await requireActor();
  try {
    return await getOrganisationProfile(await getDb(), actor, slug);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: PageProps<"/partners/[slug]">): Promise<Metadata> {
  return { title: (await load((await params).slug)).name };
}

export default async function PartnerPage({ params }: PageProps<"/partners/[slug]">) {
  const org = await load((await params).slug);
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={org.name} description={t(`organisationKinds.${org.kind}`)} />
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="about" className="card lg:col-span-2">
          <h2 id="about" className="text-xl font-semibold">
            {t("partners.about")}
          </h2>
          <p className="mt-2 whitespace-pre-line">{org.description || t("partners.noDescription")}</p>
        </section>
        <section aria-labelledby="contact" className="card">
          <h2 id="contact" className="text-xl font-semibold">
            {t("partners.contact")}
          </h2>
          <dl className="mt-2 space-y-1">
            {org.address ? (
              <>
                <dt className="text-sm text-slate-700">{t("profile.address")}</dt>
                <dd>{org.address}</dd>
              </>
            ) : null}
            {org.contactEmail ? (
              <>
                <dt className="text-sm text-slate-700">{t("profile.contactEmail")}</dt>
                <dd>
                  <a href={`mailto:${org.contactEmail}`}>{org.contactEmail}</a>
                </dd>
              </>
            ) : null}
            {org.contactPhone ? (
              <>
                <dt className="text-sm text-slate-700">{t("profile.contactPhone")}</dt>
                <dd>{org.contactPhone}</dd>
              </>
            ) : null}
            {org.website ? (
              <>
                <dt className="text-sm text-slate-700">{t("profile.website")}</dt>
                <dd>
                  <a href={org.website} rel="noopener noreferrer">
                    {org.website}
                  </a>
                </dd>
              </>
            ) : null}
            {org.memberCount !== null ? (
              <>
                <dt className="text-sm text-slate-700">{t("partners.members")}</dt>
                <dd>{t("partners.memberCount", { count: org.memberCount })}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section aria-labelledby="shared" className="card lg:col-span-3">
          <h2 id="shared" className="text-xl font-semibold">
            {t("partners.sharedTitle")}
          </h2>
          {org.resources.length === 0 ? (
            <div className="mt-3">
              <EmptyState title={t("partners.sharedEmpty")} />
            </div>
          ) : (
            <ul className="mt-3 divide-y divide-slate-200">
              {org.resources.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <p className="font-medium">{r.name}</p>
                    <p className="text-sm text-slate-700">
                      {[
                        r.location,
                        r.capacity ? t("resources.capacity", { count: r.capacity }) : null,
                        r.kind === "equipment" ? t("bookings.units", { count: r.quantity }) : null,
                        t(`bookingModes.${r.bookingMode}`),
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                  </div>
                  <KindBadge kind={r.kind} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
