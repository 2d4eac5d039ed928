import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { ErrorSummary } from "@/app/_components/form-fields";
import { PageHeader } from "@/app/_components/page-header";
import { PlusIcon } from "@/app/_components/resource-icons";
import type { FormState } from "@/app/_lib/form-state";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/config";
import { listOrganisations } from "@/lib/organisations/list-organisations";
import { listResources } from "@/lib/resources/list-resources";
import { ResourceCard } from "./_components/resource-card";
import { SearchForm } from "./_components/search-form";
import { formatDay, weekdayKey } from "./_lib/local-time";
import { cataloguePage, cataloguePageHref } from "./_lib/pages";
import { parseSearch } from "./_lib/search";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogue"))("title") };
}

export default async function ResourcesPage({ searchParams }: PageProps<"/resources">) {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const db = await getDb();
  const params = await searchParams;
  const search = parseSearch(params);
  const failed = Object.keys(search.errors).length > 0;
  const [owners, items] = await Promise.all([
    listOrganisations(db, actor),
    failed ? Promise.resolve([]) : listResources(db, actor, search.filters),
  ]);

  const fieldErrors = Object.fromEntries(
    Object.entries(search.errors).map(([field, reason]) => [
      field,
      t.has(`validation.${reason}`) ? t(`validation.${reason}`) : t("validation.invalid"),
    ]),
  );
  const state: FormState = failed
    ? { status: "error", message: t("catalogue.searchFailed"), fieldErrors, values: search.values }
    : { status: "idle", values: search.values };
  const labels: Record<string, string> = {
    date: t("catalogue.date"),
    from: t("catalogue.from"),
    to: t("catalogue.to"),
    people: t("catalogue.people"),
    units: t("catalogue.units"),
    kind: t("catalogue.kind"),
    owner: t("catalogue.owner"),
    q: t("catalogue.q"),
  };

  const window = search.window;
  const heading = window
    ? t("catalogue.freeIn", {
        weekday: weekdayKey(window.date),
        date: formatDay(window.date, locale),
        from: window.from,
        to: window.to,
      })
    : search.filtered
      ? t("catalogue.resultsTitle")
      : t("catalogue.allTitle");
  const requestQuery = window
    ? new URLSearchParams({
        date: window.date,
        day: window.date,
        start: window.from,
        end: window.to,
        ...(search.values.units ? { units: search.values.units } : {}),
      }).toString()
    : undefined;
  const slice = cataloguePage(items.length, params.page);
  const ownerName = owners.find((o) => o.slug === search.values.owner)?.name;
  const filters = [
    search.values.people ? t("catalogue.filterPeople", { count: Number(search.values.people) }) : null,
    search.values.units ? t("catalogue.filterUnits", { count: Number(search.values.units) }) : null,
    search.values.kind ? t(`kinds.${search.values.kind}`) : null,
    ownerName ? t("catalogue.filterOwner", { owner: ownerName }) : null,
    search.values.q ? t("catalogue.filterText", { text: search.values.q }) : null,
  ].filter((f): f is string => f !== null && !failed);

  return (
    <>
      <PageHeader
        title={t("catalogue.title")}
        description={t("catalogue.intro")}
        actions={
          can(actor, "resources.manage") ? (
            <Link href="/resources/new" className="btn-primary">
              <PlusIcon />
              {t("catalogue.add")}
            </Link>
          ) : null
        }
      />
      <div className="space-y-8">
        <SearchForm state={state} owners={owners} />
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="text-xl font-semibold">
            {failed ? t("catalogue.resultsTitle") : heading}
          </h2>
          {failed ? (
            <ErrorSummary state={state} labels={labels} />
          ) : (
            <>
              <p className="mt-1 text-slate-700" data-testid="results-count">
                {t("catalogue.found", { count: items.length })}
                {slice.pages > 1 ? ` · ${t("catalogue.showing", { from: slice.start + 1, to: slice.end })}` : ""}
                {filters.length ? ` · ${filters.join(" · ")}` : ""}
              </p>
              {window ? <p className="mt-1 text-sm text-slate-700">{t("catalogue.windowNote")}</p> : null}
              {items.length === 0 ? (
                <div className="mt-4">
                  <EmptyState title={search.filtered ? t("catalogue.emptyFiltered") : t("catalogue.empty")}>
                    {search.filtered ? (
                      <>
                        <p>{t("catalogue.emptyFilteredHint")}</p>
                        <p className="mt-2">
                          <Link href="/resources">{t("catalogue.showAll")}</Link>
                        </p>
                      </>
                    ) : (
                      <p>
                        {t("catalogue.emptyHint")} <Link href="/resources/new">{t("catalogue.add")}</Link>
                      </p>
                    )}
                  </EmptyState>
                </div>
              ) : (
                <>
                  <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                    {items.slice(slice.start, slice.end).map((item) => (
                      <ResourceCard key={item.id} item={item} requestQuery={requestQuery} />
                    ))}
                  </ul>
                  {slice.pages > 1 ? (
                    <nav
                      aria-label={t("catalogue.pagesLabel")}
                      className="mt-6 flex flex-wrap items-center justify-between gap-3"
                      data-testid="catalogue-pages"
                    >
                      {slice.page > 1 ? (
                        <Link href={cataloguePageHref(search.values, slice.page - 1)} className="btn-secondary">
                          {t("catalogue.previousPage")}
                        </Link>
                      ) : (
                        <span />
                      )}
                      <p className="text-slate-700">
                        {t("catalogue.pagePosition", { page: slice.page, pages: slice.pages })}
                      </p>
                      {slice.page < slice.pages ? (
                        <Link href={cataloguePageHref(search.values, slice.page + 1)} className="btn-secondary">
                          {t("catalogue.nextPage")}
                        </Link>
                      ) : (
                        <span />
                      )}
                    </nav>
                  ) : null}
                </>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}
