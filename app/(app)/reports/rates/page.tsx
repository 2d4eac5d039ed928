import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { KindBadge } from "@/app/_components/kind-badge";
import { localDate } from "@/lib/domain/wall-clock";
import { formatCell } from "@/lib/reports/export/format-cell";
import { formatLocalDate } from "@/lib/reports/export-report";
import { listRateCards, type RateView } from "@/lib/reports/list-rate-cards";
import { ReportFrame, ReportsForbidden } from "../_components/report-frame";
import { loadReportPage } from "../_lib/load-report-page";
import { RateForm, type ScopeGroup } from "./_components/rate-form";
import { RemoveRate } from "./_components/remove-rate";
import { SpecialistToggle } from "./_components/specialist-toggle";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rateCards"))("title") };
}

export default async function RatesPage({ searchParams }: PageProps<"/reports/rates">) {
  const page = await loadReportPage(searchParams);
  if (!page.allowed) return <ReportsForbidden />;
  const { actor, db, locale, query, organisations } = page;
  const t = await getTranslations("rateCards");
  const tu = await getTranslations("reports.units");
  const view = await listRateCards(db, actor);
  const today = localDate(new Date());
  const money = (v: number) => formatCell(v, "money", locale);
  const describeRate = (rate: RateView, scope: string) =>
    t("rateDescription", {
      scope,
      amount: money(rate.amount),
      unit: tu(rate.unit),
      date: formatLocalDate(rate.validFrom, locale),
    });

  const groups: ScopeGroup[] = [
    {
      label: t("categoriesGroup"),
      options: view.categories.map((c) => ({ value: `category:${c.category}`, label: t(`categories.${c.category}`) })),
    },
    ...[...new Set(view.resources.map((r) => r.owner.name))].map((owner) => ({
      label: owner,
      options: view.resources
        .filter((r) => r.owner.name === owner)
        .map((r) => ({
          value: `resource:${r.id}`,
          label:
            r.declaredRate === null ? r.name : t("resourceOption", { name: r.name, declared: money(r.declaredRate) }),
        })),
    })),
  ];

  const history = (rates: RateView[], scope: string, caption: string, testId?: string) => (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto" data-testid={testId}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400 bg-slate-100 text-left">
            <th scope="col" className="px-2 py-2">
              {t("validFrom")}
            </th>
            <th scope="col" className="px-2 py-2 text-right">
              {t("amount")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("source")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("state")}
            </th>
            {view.canManage ? (
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">{t("actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rates.map((rate) => (
            <tr key={rate.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="whitespace-nowrap px-2 py-2 text-left font-medium">
                {formatLocalDate(rate.validFrom, locale)}
              </th>
              <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">
                {money(rate.amount)} / {tu(rate.unit)}
              </td>
              <td className="px-2 py-2">
                {rate.source}
                {rate.createdBy ? (
                  <span className="block text-slate-700">{t("enteredBy", { name: rate.createdBy })}</span>
                ) : null}
              </td>
              <td className="px-2 py-2">
                {rate.current ? t("current") : rate.validFrom > today ? t("future") : t("past")}
              </td>
              {view.canManage ? (
                <td className="px-2 py-2">
                  <RemoveRate id={rate.id} description={describeRate(rate, scope)} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  const withRates = view.resources.filter((r) => r.rates.length > 0);
  const expertise = view.resources.filter((r) => r.kind === "expertise");

  return (
    <ReportFrame actor={actor} query={query} tab="rates" organisations={organisations}>
      <section aria-labelledby="rates-title" className="card">
        <h2 id="rates-title" className="text-xl font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">{t("intro")}</p>
        {!view.canManage ? <p className="mt-2 text-slate-700">{t("readOnly")}</p> : null}
      </section>

      {view.canManage ? (
        <section aria-labelledby="rate-add" className="card mt-6">
          <h2 id="rate-add" className="text-xl font-semibold">
            {t("addTitle")}
          </h2>
          <div className="mt-4">
            <RateForm groups={groups} today={today} />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="rate-categories" className="card mt-6">
        <h2 id="rate-categories" className="text-xl font-semibold">
          {t("categoriesTitle")}
        </h2>
        <div className="mt-4 space-y-6">
          {view.categories.map((c) => (
            <div key={c.category}>
              <h3 className="text-lg font-semibold">{t(`categories.${c.category}`)}</h3>
              {c.rates.length ? (
                history(c.rates, t(`categories.${c.category}`), t(`categories.${c.category}`), `rates-${c.category}`)
              ) : (
                <EmptyState title={t("noRate")}>{view.canManage ? t("noRateHint") : null}</EmptyState>
              )}
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="rate-resources" className="card mt-6">
        <h2 id="rate-resources" className="text-xl font-semibold">
          {t("resourcesTitle")}
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">{t("resourcesIntro")}</p>
        <div className="mt-4 space-y-6">
          {withRates.length ? (
            withRates.map((r) => (
              <div key={r.id}>
                <h3 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                  {r.name} <KindBadge kind={r.kind} />
                </h3>
                <p className="text-sm text-slate-700">{r.owner.name}</p>
                {history(r.rates, r.name, t("resourceRates", { name: r.name }))}
              </div>
            ))
          ) : (
            <EmptyState title={t("noResourceRates")}>{t("noResourceRatesHint")}</EmptyState>
          )}
        </div>
      </section>

      <section aria-labelledby="rate-specialist" className="card mt-6">
        <h2 id="rate-specialist" className="text-xl font-semibold">
          {t("specialistTitle")}
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">{t("specialistIntro")}</p>
        {expertise.length === 0 ? (
          <div className="mt-4">
            <EmptyState title={t("noExpertise")} />
          </div>
        ) : (
          <ul className="mt-4 divide-y divide-slate-200">
            {expertise.map((r) => (
              <li key={r.id} className="py-2">
                {view.canManage ? (
                  <SpecialistToggle resourceId={r.id} name={`${r.name} (${r.owner.name})`} specialist={r.specialist} />
                ) : (
                  <p>
                    {r.name} ({r.owner.name}): {r.specialist ? t("isSpecialist") : t("isSimple")}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </ReportFrame>
  );
}
