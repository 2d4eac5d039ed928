import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Flash } from "@/app/_components/flash";
import { InfoIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/page-header";
import { PencilIcon } from "@/app/_components/resource-icons";
import { localDate } from "@/lib/domain/wall-clock";
import type { Locale } from "@/lib/i18n/config";
import { listSkills } from "@/lib/volunteers/skills";
import { formatDay, formatPeriod } from "../../resources/_lib/local-time";
import { Badge, ChildrenCheckBadge, QualificationBadge, VolunteerStateBadge } from "../_components/volunteer-badges";
import { AddQualificationForm, RemoveQualification } from "./_components/qualification-forms";
import { ActiveForm, EraseForm } from "./_components/status-forms";
import { loadVolunteer } from "./_lib/load";

export async function generateMetadata({ params }: PageProps<"/volunteers/[id]">): Promise<Metadata> {
  const { volunteer } = await loadVolunteer((await params).id);
  const t = await getTranslations("volunteers");
  return { title: volunteer.erased ? t("erasedName") : `${volunteer.firstName} ${volunteer.lastName}`.trim() };
}

const DONE = ["created", "saved", "erased"] as const;

export default async function VolunteerPage({ params, searchParams }: PageProps<"/volunteers/[id]">) {
  const { id } = await params;
  const { done } = await searchParams;
  const { db, volunteer: v } = await loadVolunteer(id);
  const t = await getTranslations("volunteers");
  const locale = (await getLocale()) as Locale;
  const vocabulary = (await listSkills(db)).map((s) => s.name);
  const today = localDate(new Date());
  const name = v.erased ? t("erasedName") : `${v.firstName} ${v.lastName}`.trim();
  const day = (date: string) => formatDay(date, locale);
  const flash = DONE.find((d) => d === done);
  const yearStart = `${today.slice(0, 4)}-01-01`;

  return (
    <>
      <p className="mb-2">
        <Link href="/volunteers">{t("back")}</Link>
      </p>
      {flash ? <Flash>{flash === "erased" ? t("page.erased") : t(`form.${flash}`)}</Flash> : null}
      <PageHeader
        title={name}
        description={
          <span className="mt-1 flex flex-wrap items-center gap-2">
            <VolunteerStateBadge active={v.active} erased={v.erased} />
            {v.erased ? null : <ChildrenCheckBadge checkedOn={v.childrenCheckOn} />}
          </span>
        }
        actions={
          v.erased ? null : (
            <Link href={`/volunteers/${v.id}/edit`} className="btn-secondary">
              <PencilIcon />
              {t("page.edit")}
            </Link>
          )
        }
      />
      {v.erased && v.erasedAt ? (
        <p className="mb-6 flex items-start gap-2 rounded-md border border-slate-500 bg-slate-100 px-3 py-2 text-slate-900">
          <InfoIcon className="mt-0.5 shrink-0" />
          {t("page.erasedBanner", { date: day(localDate(v.erasedAt)) })}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {v.erased ? null : (
            <section aria-labelledby="contact-title" className="card">
              <h2 id="contact-title" className="text-xl font-semibold">
                {t("page.contactTitle")}
              </h2>
              <dl className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
                <dt className="font-medium">{t("form.email")}</dt>
                <dd>{v.email ? <a href={`mailto:${v.email}`}>{v.email}</a> : t("page.none")}</dd>
                <dt className="font-medium">{t("form.phone")}</dt>
                <dd>{v.phone ?? t("page.none")}</dd>
                <dt className="font-medium">{t("form.notes")}</dt>
                <dd className="whitespace-pre-line">{v.notes || t("page.none")}</dd>
                <dt className="font-medium">{t("form.checkTitle")}</dt>
                <dd>
                  {v.childrenCheckOn ? t("page.checkDone", { date: day(v.childrenCheckOn) }) : t("page.checkMissing")}
                </dd>
                <dt className="font-medium">{t("form.consentTitle")}</dt>
                <dd>
                  {v.consentOn
                    ? t("page.consentGiven", { date: day(v.consentOn), scope: v.consentScope })
                    : t("page.consentMissing")}
                </dd>
              </dl>
              {v.hasAccount ? <p className="mt-2 text-sm text-slate-700">{t("page.accountLinked")}</p> : null}
            </section>
          )}

          {v.erased ? null : (
            <section aria-labelledby="skills-title" className="card">
              <h2 id="skills-title" className="text-xl font-semibold">
                {t("page.skillsTitle")}
              </h2>
              {v.skills.length === 0 ? (
                <p className="mt-2 text-slate-700">{t("page.skillsEmpty")}</p>
              ) : (
                <ul className="mt-2 flex flex-wrap gap-2" data-testid="volunteer-skills">
                  {v.skills.map((s) => (
                    <li key={s} className="rounded-full border border-slate-300 bg-slate-50 px-3 py-1">
                      {s}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}

          {v.erased ? null : (
            <section aria-labelledby="qualifications-title" className="card space-y-3">
              <h2 id="qualifications-title" className="text-xl font-semibold">
                {t("page.qualificationsTitle")}
              </h2>
              <p className="text-slate-700">{t("page.qualificationsIntro")}</p>
              {v.qualifications.length === 0 ? (
                <p className="text-slate-700">{t("page.qualificationsEmpty")}</p>
              ) : (
                <ul className="divide-y divide-slate-200" data-testid="qualifications">
                  {v.qualifications.map((q) => (
                    <li key={q.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                      <div>
                        <p className="flex flex-wrap items-center gap-2 font-medium">
                          {q.name} <QualificationBadge state={q.state} />
                        </p>
                        <p className="text-sm text-slate-700">
                          {t("page.qualificationFor", { skill: q.skill })} ·{" "}
                          {q.validUntil ? t("page.validUntil", { date: day(q.validUntil) }) : t("page.noExpiry")}
                        </p>
                      </div>
                      <RemoveQualification volunteerId={v.id} qualificationId={q.id} name={q.name} />
                    </li>
                  ))}
                </ul>
              )}
              <h3 className="pt-2 text-lg font-semibold">{t("page.addQualification")}</h3>
              <AddQualificationForm volunteerId={v.id} vocabulary={vocabulary} />
            </section>
          )}

          <section aria-labelledby="engagements-title" className="card">
            <h2 id="engagements-title" className="text-xl font-semibold">
              {t("page.engagementsTitle")}
            </h2>
            {v.engagements.length === 0 ? (
              <p className="mt-2 text-slate-700">{t("page.engagementsEmpty")}</p>
            ) : (
              <>
                <ul className="mt-2 divide-y divide-slate-200">
                  {v.engagements.map((e) => (
                    <li key={e.id} className="py-2">
                      <p className="font-medium">
                        {e.title} – {e.receivingOrganisation.name}
                      </p>
                      <p className="text-sm text-slate-700">{formatPeriod(e.start, e.end, locale)}</p>
                      <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                        <Badge tone={e.status === "active" ? "good" : "plain"} icon={InfoIcon}>
                          {t(`engagementStatus.${e.status}`)}
                        </Badge>
                        <span>
                          {t(`hoursStatus.${e.hoursStatus}`)}
                          {e.hours !== null ? ` · ${t("hours", { count: e.hours })}` : ""}
                        </span>
                      </p>
                    </li>
                  ))}
                </ul>
                <p className="mt-2 font-medium">
                  {t("page.confirmedTotal", { hours: t("hours", { count: v.confirmedHours }) })}
                </p>
              </>
            )}
          </section>

          {v.erased ? null : (
            <section aria-labelledby="offers-title" className="card">
              <h2 id="offers-title" className="text-xl font-semibold">
                {t("page.offersTitle")}
              </h2>
              {v.offers.length === 0 ? (
                <p className="mt-2 text-slate-700">{t("page.offersEmpty")}</p>
              ) : (
                <ul className="mt-2 list-disc space-y-1 pl-6">
                  {v.offers.map((o) => (
                    <li key={o.id}>
                      <Link href={`/resources/${o.id}`}>{o.name}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </div>

        <div className="space-y-6">
          {v.erased ? null : (
            <section aria-labelledby="status-title" className="card space-y-2">
              <h2 id="status-title" className="text-xl font-semibold">
                {t("page.statusTitle")}
              </h2>
              <p className="text-slate-700">{v.active ? t("page.activeText") : t("page.inactiveText")}</p>
              <ActiveForm volunteerId={v.id} active={v.active} />
            </section>
          )}

          {v.erased ? null : (
            <section aria-labelledby="certificate-title" className="card space-y-3">
              <h2 id="certificate-title" className="text-xl font-semibold">
                {t("certificate.title")}
              </h2>
              <p className="text-slate-700">{t("certificate.intro")}</p>
              <form method="get" action={`/volunteers/${v.id}/certificate`} className="space-y-3">
                <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
                  <div>
                    <label htmlFor="certificate-from" className="label">
                      {t("certificate.from")}
                    </label>
                    <input
                      id="certificate-from"
                      name="from"
                      type="date"
                      required
                      className="input"
                      defaultValue={yearStart}
                    />
                  </div>
                  <div>
                    <label htmlFor="certificate-to" className="label">
                      {t("certificate.to")}
                    </label>
                    <input id="certificate-to" name="to" type="date" required className="input" defaultValue={today} />
                  </div>
                </div>
                <button type="submit" className="btn-secondary">
                  {t("certificate.download")}
                </button>
              </form>
            </section>
          )}

          <section aria-labelledby="data-title" className="card space-y-3">
            <h2 id="data-title" className="text-xl font-semibold">
              {t("page.dataTitle")}
            </h2>
            <p className="text-slate-700">{t("page.exportHint")}</p>
            <p>
              <a href={`/volunteers/${v.id}/export`} className="btn-secondary" download>
                {t("page.exportJson")}
              </a>
            </p>
            {v.erased ? null : (
              <>
                <p className="text-slate-700">{t("page.eraseHint")}</p>
                <EraseForm volunteerId={v.id} name={name} />
              </>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
