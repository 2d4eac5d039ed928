import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { PlusIcon } from "@/app/_components/resource-icons";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { listVolunteers, listVolunteersSchema, VOLUNTEER_FILTERS } from "@/lib/volunteers/list-volunteers";
import { listSkills } from "@/lib/volunteers/skills";
import { ChildrenCheckBadge, VolunteerStateBadge } from "./_components/volunteer-badges";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("volunteers"))("title") };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function VolunteersPage({ searchParams }: PageProps<"/volunteers">) {
  const actor = await requireActor();
  if (!can(actor, "volunteers.manage")) notFound();
  const t = await getTranslations("volunteers");
  const db = await getDb();
  const sp = await searchParams;
  const raw = { q: first(sp.q).slice(0, 100), skill: first(sp.skill).slice(0, 60), show: first(sp.show) };
  const parsed = listVolunteersSchema.safeParse(raw);
  const filters = parsed.success ? parsed.data : { show: "active" as const };
  const [items, vocabulary] = await Promise.all([listVolunteers(db, actor, filters), listSkills(db)]);
  const filtered = Boolean(filters.q || filters.skill || filters.show !== "active");
  const hours = (n: number) => t("hours", { count: n });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro", { organisation: actor.organisationName })}
        actions={
          <Link href="/volunteers/new" className="btn-primary">
            <PlusIcon />
            {t("add")}
          </Link>
        }
      />
      <div className="space-y-6">
        <section aria-labelledby="volunteer-search" className="card">
          <h2 id="volunteer-search" className="sr-only">
            {t("search.title")}
          </h2>
          <form method="get" action="/volunteers" className="grid items-end gap-4 sm:grid-cols-[2fr_1fr_1fr_auto]">
            <div>
              <label htmlFor="search-q" className="label">
                {t("search.q")}
              </label>
              <input id="search-q" name="q" type="search" className="input" defaultValue={filters.q ?? ""} />
            </div>
            <div>
              <label htmlFor="search-skill" className="label">
                {t("search.skill")}
              </label>
              <select id="search-skill" name="skill" className="input" defaultValue={filters.skill ?? ""}>
                <option value="">{t("search.skillAny")}</option>
                {vocabulary.map((s) => (
                  <option key={s.id} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="search-show" className="label">
                {t("search.show")}
              </label>
              <select id="search-show" name="show" className="input" defaultValue={filters.show}>
                {VOLUNTEER_FILTERS.map((f) => (
                  <option key={f} value={f}>
                    {t(`search.${f}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-wrap gap-2">
              <button type="submit" className="btn-primary">
                {t("search.submit")}
              </button>
              {filtered ? (
                <Link href="/volunteers" className="btn-secondary">
                  {t("search.clear")}
                </Link>
              ) : null}
            </div>
          </form>
        </section>

        <section aria-labelledby="volunteer-list">
          <h2 id="volunteer-list" className="mb-2 text-xl font-semibold">
            {t("list.title")}{" "}
            <span className="font-normal text-slate-700">({t("count", { count: items.length })})</span>
          </h2>
          {items.length === 0 ? (
            filtered ? (
              <EmptyState title={t("empty.filteredTitle")}>{t("empty.filteredText")}</EmptyState>
            ) : (
              <EmptyState title={t("empty.title")}>
                <p>{t("empty.text")}</p>
                <p className="mt-2">
                  <Link href="/volunteers/new">{t("add")}</Link>
                </p>
              </EmptyState>
            )
          ) : (
            <ul
              className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
              data-testid="volunteer-list"
            >
              {items.map((v) => {
                const name = v.erased ? t("erasedName") : `${v.firstName} ${v.lastName}`.trim();
                return (
                  <li
                    key={v.id}
                    className="flex flex-wrap items-start justify-between gap-3 p-4"
                    data-testid="volunteer-row"
                  >
                    <div className="min-w-0 space-y-1">
                      <p className="flex flex-wrap items-center gap-2">
                        <Link href={`/volunteers/${v.id}`} className="text-lg font-semibold">
                          {name}
                        </Link>
                        {v.active && !v.erased ? null : <VolunteerStateBadge active={v.active} erased={v.erased} />}
                      </p>
                      {v.erased ? null : (
                        <>
                          <p className="text-slate-700">
                            {v.skills.length ? v.skills.join(", ") : t("list.skillsNone")}
                          </p>
                          <p className="text-sm text-slate-700">{[v.email, v.phone].filter(Boolean).join(" · ")}</p>
                          <p className="flex flex-wrap items-center gap-2 text-sm">
                            <ChildrenCheckBadge checkedOn={v.childrenCheckOn} />
                            <span>
                              {t("list.qualifications", { count: v.qualifications.total })}
                              {v.qualifications.expired
                                ? `, ${t("list.expired", { count: v.qualifications.expired })}`
                                : ""}
                              {v.qualifications.expiring
                                ? `, ${t("list.expiring", { count: v.qualifications.expiring })}`
                                : ""}
                            </span>
                          </p>
                        </>
                      )}
                    </div>
                    <p className="text-sm text-slate-800">
                      {t("list.confirmedHours", { hours: hours(v.confirmedHours) })}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
