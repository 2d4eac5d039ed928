import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { CheckIcon, InfoIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatTimeRange } from "@/lib/i18n/format";
import { listNeeds } from "@/lib/needs/list-needs";
import { listSkills } from "@/lib/volunteers/skills";
import { NeedStatusBadge, SkillTags } from "./_components/need-badges";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("needs"))("title") };
}

export default async function NeedsPage({ searchParams }: PageProps<"/needs">) {
  const actor = await requireActor();
  const db = await getDb();
  const t = await getTranslations("needs");
  const locale = (await getLocale()) as Locale;
  const sp = await searchParams;
  const show = sp.show === "mine" ? "mine" : "open";
  const skillParam = typeof sp.skill === "string" && /^[0-9a-f-]{36}$/i.test(sp.skill) ? sp.skill : undefined;
  const [{ needs }, skills] = await Promise.all([listNeeds(db, actor, { show, skill: skillParam }), listSkills(db)]);
  const mayPost = can(actor, "needs.manage");
  const tab = (value: "open" | "mine", label: string) => (
    <Link
      href={value === "open" ? "/needs" : "/needs?show=mine"}
      aria-current={show === value ? "page" : undefined}
      className={`inline-flex min-h-11 items-center rounded-md border px-3 ${
        show === value ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300"
      }`}
    >
      {label}
    </Link>
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/engagements" className="btn-secondary">
              {t("engagementsLink")}
            </Link>
            {mayPost ? (
              <Link href="/needs/new" className="btn-primary" data-testid="post-need">
                {t("post")}
              </Link>
            ) : null}
          </div>
        }
      />
      <nav aria-label={t("tabsLabel")} className="mb-4 flex flex-wrap gap-2">
        {tab("open", t("tabOpen"))}
        {tab("mine", t("tabMine"))}
      </nav>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        {show === "mine" ? <input type="hidden" name="show" value="mine" /> : null}
        <div>
          <label htmlFor="filter-skill" className="label">
            {t("filterSkill")}
          </label>
          <select id="filter-skill" name="skill" defaultValue={skillParam ?? ""} className="input">
            <option value="">{t("anySkill")}</option>
            {skills.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("filter")}
        </button>
      </form>

      {needs.length === 0 ? (
        <EmptyState title={show === "mine" ? t("emptyMine") : t("emptyOpen")}>
          {mayPost ? t("emptyHint") : t("emptyHintReadOnly")}
        </EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="needs-list">
          {needs.map((n) => (
            <li key={n.id} className="card">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  <Link href={`/needs/${n.id}`}>{n.title}</Link>
                </h2>
                <NeedStatusBadge status={n.status} />
              </div>
              <p className="text-slate-700">
                {n.mine ? t("postedByUs") : n.organisationName} ·{" "}
                <time dateTime={n.start.toISOString()}>
                  {formatDate(n.start, locale)}, {formatTimeRange(n.start, n.end)}
                </time>
                {n.location ? ` · ${n.location}` : ""}
              </p>
              <div className="mt-2 flex flex-wrap items-center gap-2">
                <SkillTags skills={n.skills} />
                {n.childrenCheckRequired ? (
                  <span className="inline-flex items-center gap-1 text-sm font-medium text-slate-800">
                    <InfoIcon width={16} height={16} />
                    {t("childrenCheckRequired")}
                  </span>
                ) : null}
              </div>
              <p className="mt-2 text-sm text-slate-800">
                {t("acceptedOf", { accepted: n.accepted, count: n.volunteersNeeded })}
                {n.mine && n.answers > 0 ? ` · ${t("answersWaiting", { count: n.answers })}` : ""}
              </p>
              {!n.mine && n.matchesUs ? (
                <p className="mt-1 inline-flex items-center gap-1 text-sm font-medium text-green-900">
                  <CheckIcon width={16} height={16} />
                  {t("matchesUs")}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
