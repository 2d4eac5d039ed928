import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { auditFilterOptions, auditFilterSchema, listAuditEntries } from "@/lib/audit/list-audit";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { CoordinatorNav } from "../coordinator-nav";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("coordinator"))("auditTitle") };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A change as short text: what it was and what it became (secrets were never written). */
function summarise(before: unknown, after: unknown): string {
  const part = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));
  const text = [part(before), part(after)].filter(Boolean).join(" → ");
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

export default async function AuditPage({ searchParams }: PageProps<"/coordinator/audit">) {
  const actor = await requireActor();
  const t = await getTranslations("coordinator");
  const locale = (await getLocale()) as Locale;
  const db = await getDb();
  const raw = await searchParams;
  const values = {
    organisationId: first(raw.organisationId) ?? "",
    user: first(raw.user) ?? "",
    action: first(raw.action) ?? "",
    from: first(raw.from) ?? "",
    to: first(raw.to) ?? "",
    before: first(raw.before) ?? "",
  };
  const parsed = auditFilterSchema.safeParse(values);
  const filter = parsed.success ? values : {};
  const [{ entries, nextBefore }, options] = await Promise.all([
    listAuditEntries(db, actor, filter),
    auditFilterOptions(db, actor),
  ]);
  const whoOf = (e: (typeof entries)[number]) =>
    e.actorName ?? e.actorUserId ?? (e.action === "partnership.apply" ? t("anonymous") : t("system"));
  const olderHref = nextBefore
    ? `/coordinator/audit?${new URLSearchParams({ ...values, before: String(nextBefore) }).toString()}`
    : null;
  return (
    <>
      <PageHeader title={t("auditTitle")} description={t("auditIntro")} />
      <CoordinatorNav />
      <form method="get" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-5" aria-label={t("filter")}>
        <div>
          <label htmlFor="audit-org" className="label">
            {t("filterOrganisation")}
          </label>
          <select id="audit-org" name="organisationId" className="input" defaultValue={values.organisationId}>
            <option value="">{t("filterAnyOrganisation")}</option>
            {options.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-user" className="label">
            {t("filterUser")}
          </label>
          <input id="audit-user" name="user" className="input" defaultValue={values.user} />
        </div>
        <div>
          <label htmlFor="audit-action" className="label">
            {t("filterAction")}
          </label>
          <select id="audit-action" name="action" className="input" defaultValue={values.action}>
            <option value="">{t("filterAnyAction")}</option>
            {[...new Set(options.actions.map((a) => a.split(".")[0]))].map((area) => (
              <option key={`area-${area}`} value={area}>
                {`${area}.*`}
              </option>
            ))}
            {options.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="label">
            {t("filterFrom")}
          </label>
          <input id="audit-from" name="from" type="date" className="input" defaultValue={values.from} />
        </div>
        <div>
          <label htmlFor="audit-to" className="label">
            {t("filterTo")}
          </label>
          <input id="audit-to" name="to" type="date" className="input" defaultValue={values.to} />
        </div>
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-5">
          <button type="submit" className="btn-primary">
            {t("filter")}
          </button>
          <Link href="/coordinator/audit" className="btn-secondary">
            {t("clear")}
          </Link>
        </div>
      </form>
      {entries.length === 0 ? (
        <EmptyState title={t("auditEmpty")}>{t("auditEmptyHint")}</EmptyState>
      ) : (
        <>
          {/* On a phone: one card per entry; from tablets on: the table. */}
          <ul className="space-y-3 md:hidden">
            {entries.map((e) => (
              <li key={e.id} className="card text-sm" data-testid="audit-card">
                <p className="font-medium">
                  <code>{e.action}</code>
                </p>
                <p className="text-slate-700">
                  {formatDateTime(e.at, locale)} · {whoOf(e)}
                  {e.organisationName ? ` · ${e.organisationName}` : ""}
                </p>
                <p className="mt-1 break-all font-mono text-xs text-slate-800">{summarise(e.before, e.after)}</p>
              </li>
            ))}
          </ul>
          <section
            className="card hidden overflow-x-auto p-0 md:block sm:p-0"
            tabIndex={0}
            aria-label={t("auditTitle")}
          >
            <table className="w-full min-w-[48rem] text-left text-sm">
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("colWhen")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("colWho")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("colOrganisation")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("colAction")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("colDetails")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {entries.map((e) => (
                  <tr key={e.id} data-testid="audit-entry">
                    <td className="whitespace-nowrap px-3 py-2 align-top">{formatDateTime(e.at, locale)}</td>
                    <td className="px-3 py-2 align-top">
                      {whoOf(e)}
                      {e.actorEmail ? (
                        <>
                          <br />
                          <span className="text-slate-700">{e.actorEmail}</span>
                        </>
                      ) : null}
                    </td>
                    <td className="px-3 py-2 align-top">{e.organisationName ?? "—"}</td>
                    <td className="px-3 py-2 align-top">
                      <code>{e.action}</code>
                    </td>
                    <td className="break-all px-3 py-2 align-top font-mono text-xs text-slate-800">
                      {summarise(e.before, e.after)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        {values.before ? (
          <Link
            href={`/coordinator/audit?${new URLSearchParams({ ...values, before: "" }).toString()}`}
            className="btn-secondary"
          >
            {t("newest")}
          </Link>
        ) : null}
        {olderHref ? (
          <Link href={olderHref} className="btn-secondary">
            {t("older")}
          </Link>
        ) : null}
      </div>
    </>
  );
}
