import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { Flash } from "@/app/_components/flash";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { listEngagements } from "@/lib/engagements/list-engagements";
import { EngagementList } from "./_components/engagement-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagements"))("title") };
}

const DONE = ["hours_recorded", "hours_confirmed", "hours_disputed", "engagement_cancelled"] as const;

export default async function EngagementsPage({ searchParams }: PageProps<"/engagements">) {
  const actor = await requireActor();
  const db = await getDb();
  const t = await getTranslations("engagements");
  const sp = await searchParams;
  const side = sp.side === "received" ? "received" : "given";
  const show = sp.show === "todo" || sp.show === "upcoming" ? sp.show : "all";
  const done = DONE.find((d) => d === sp.done);
  const now = new Date();
  const { rows } = await listEngagements(db, actor, { side, show }, now);
  const link = (s: string, sh: string) => `/engagements?side=${s}${sh === "all" ? "" : `&show=${sh}`}`;
  const pill = (active: boolean, href: string, label: string) => (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`inline-flex min-h-11 items-center rounded-md border px-3 ${
        active ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300"
      }`}
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div role="status" aria-live="polite">
        {done ? (
          <Flash key={done}>
            <p>{t(`done.${done}`)}</p>
          </Flash>
        ) : null}
      </div>
      <nav aria-label={t("sideLabel")} className="mb-2 flex flex-wrap gap-2">
        {pill(side === "given", link("given", show), t("sideGiven"))}
        {pill(side === "received", link("received", show), t("sideReceived"))}
      </nav>
      <nav aria-label={t("showLabel")} className="mb-4 flex flex-wrap gap-2">
        {pill(show === "all", link(side, "all"), t("showAll"))}
        {pill(show === "todo", link(side, "todo"), side === "given" ? t("showToRecord") : t("showToConfirm"))}
        {pill(show === "upcoming", link(side, "upcoming"), t("showUpcoming"))}
      </nav>
      <section className="card" aria-label={side === "given" ? t("sideGiven") : t("sideReceived")}>
        {rows.length === 0 ? (
          <EmptyState title={t(`empty.${side}`)}>{t(`emptyHint.${side}`)}</EmptyState>
        ) : (
          <EngagementList rows={rows} actor={actor} now={now} returnTo="/engagements" />
        )}
      </section>
    </>
  );
}
