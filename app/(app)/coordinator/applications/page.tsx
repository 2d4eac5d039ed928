import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { Flash } from "@/app/_components/flash";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { listApplications } from "@/lib/partnership/applications";
import { CoordinatorNav } from "../coordinator-nav";
import { ApplicationDecision } from "./decision-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("coordinator"))("applicationsTitle") };
}

export default async function ApplicationsPage({ searchParams }: PageProps<"/coordinator/applications">) {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const applications = await listApplications(await getDb(), actor);
  const pending = applications.filter((a) => a.status === "pending");
  const decided = applications.filter((a) => a.status !== "pending");
  const { done, application } = await searchParams;
  const justDecided =
    (done === "accepted" || done === "rejected") && decided.find((a) => a.id === application && a.status === done);
  return (
    <>
      <PageHeader title={t("coordinator.applicationsTitle")} description={t("coordinator.applicationsIntro")} />
      <CoordinatorNav />
      <div role="status" aria-live="polite">
        {justDecided ? (
          <Flash key={`${done}-${justDecided.id}`}>
            <p>
              {done === "accepted"
                ? t("coordinator.accepted", { organisation: justDecided.organisationName })
                : t("coordinator.rejected")}
            </p>
          </Flash>
        ) : null}
      </div>
      <section aria-labelledby="pending-applications" className="mb-8">
        <h2 id="pending-applications" className="mb-3 text-xl font-semibold">
          {t("coordinator.pendingTitle")}
        </h2>
        {pending.length === 0 ? (
          <EmptyState title={t("coordinator.pendingEmpty")}>{t("coordinator.pendingEmptyHint")}</EmptyState>
        ) : (
          <ul className="space-y-4">
            {pending.map((a) => (
              <li key={a.id} className="card space-y-3" data-testid="application">
                <div>
                  <h3 className="text-lg font-semibold">{a.organisationName}</h3>
                  <p className="text-sm text-slate-700">
                    {t(`organisationKinds.${a.kind}`)} ·{" "}
                    {t("coordinator.submittedAt", { date: formatDateTime(a.createdAt, locale) })}
                  </p>
                </div>
                <dl className="grid gap-3 sm:grid-cols-3">
                  <div>
                    <dt className="font-medium">{t("coordinator.contact")}</dt>
                    <dd className="text-slate-800">
                      {a.contactName}
                      <br />
                      <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a>
                      {a.contactPhone ? (
                        <>
                          <br />
                          {a.contactPhone}
                        </>
                      ) : null}
                      {a.website ? (
                        <>
                          <br />
                          <a href={a.website} rel="noopener noreferrer nofollow">
                            {a.website}
                          </a>
                        </>
                      ) : null}
                    </dd>
                  </div>
                  <div>
                    <dt className="font-medium">{t("coordinator.about")}</dt>
                    <dd className="whitespace-pre-line text-slate-800">{a.description}</dd>
                  </div>
                  <div>
                    <dt className="font-medium">{t("coordinator.offers")}</dt>
                    <dd className="whitespace-pre-line text-slate-800">{a.offers}</dd>
                  </div>
                </dl>
                <ApplicationDecision applicationId={a.id} organisation={a.organisationName} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="decided-applications">
        <h2 id="decided-applications" className="mb-3 text-xl font-semibold">
          {t("coordinator.decidedTitle")}
        </h2>
        {decided.length === 0 ? (
          <EmptyState title={t("coordinator.decidedEmpty")} />
        ) : (
          <ul className="card divide-y divide-slate-200">
            {decided.map((a) => (
              <li key={a.id} className="py-2">
                <p className="font-medium">{a.organisationName}</p>
                <p className="text-sm text-slate-700">
                  {t("coordinator.decidedAt", {
                    status: t(`coordinator.status.${a.status}`),
                    date: a.decidedAt ? formatDateTime(a.decidedAt, locale) : "",
                  })}
                  {a.decisionReason ? ` · ${t("coordinator.reasonLabel", { reason: a.decisionReason })}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
