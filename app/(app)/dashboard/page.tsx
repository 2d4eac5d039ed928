import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BookingList } from "@/app/_components/booking-list";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { getDashboard } from "@/lib/dashboard/get-dashboard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage() {
  const actor = await requireActor();
  const t = await getTranslations("dashboard");
  const data = await getDashboard(await getDb(), actor);
  const sharedTotal = data.shared.premises + data.shared.equipment + data.shared.expertise;

  return (
    <>
      <PageHeader title={t("title")} description={t("intro", { organisation: actor.organisationName })} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="waiting" className="card lg:col-span-2">
          <h2 id="waiting" className="flex items-center gap-2 text-xl font-semibold">
            {t("waitingTitle")}
            <span
              className="whitespace-nowrap rounded-full bg-amber-100 px-2 py-0.5 text-base text-amber-950"
              data-testid="waiting-count"
            >
              {t("waitingCount", { count: data.waitingTotal })}
            </span>
          </h2>
          {data.waiting.length ? (
            <BookingList rows={data.waiting} counterpartLabel={t("requestedBy")} />
          ) : (
            <div className="mt-3">
              <EmptyState title={t("waitingEmpty")}>{t("waitingEmptyHint")}</EmptyState>
            </div>
          )}
        </section>

        <section aria-labelledby="lending" className="card">
          <h2 id="lending" className="text-xl font-semibold">
            {t("lendingTitle")}
          </h2>
          <p className="text-sm text-slate-700">
            {t("sharedSummary", {
              premises: data.shared.premises,
              equipment: data.shared.equipment,
              expertise: data.shared.expertise,
            })}
          </p>
          {data.lending.length ? (
            <BookingList rows={data.lending} counterpartLabel={t("borrower")} />
          ) : (
            <div className="mt-3">
              <EmptyState title={t("lendingEmpty")}>
                {sharedTotal ? t("lendingEmptyHint") : t("nothingSharedHint")}
              </EmptyState>
            </div>
          )}
        </section>

        <section aria-labelledby="borrowing" className="card">
          <h2 id="borrowing" className="text-xl font-semibold">
            {t("borrowingTitle")}
          </h2>
          {data.borrowing.length ? (
            <BookingList rows={data.borrowing} counterpartLabel={t("lender")} />
          ) : (
            <div className="mt-3">
              <EmptyState title={t("borrowingEmpty")}>{t("borrowingEmptyHint")}</EmptyState>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
