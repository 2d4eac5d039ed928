import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { messageValues } from "@/lib/mail/render";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { MarkAllRead, OpenNotification } from "./notification-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notificationsPage"))("title") };
}

export default async function NotificationsPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const items = await listNotifications(await getDb(), actor);
  const unread = items.filter((n) => !n.readAt).length;
  const textOf = (kind: string, params: Record<string, string | number | null>) =>
    t.has(`notices.${kind}`) ? t(`notices.${kind}`, messageValues(params, locale)) : t("notices.fallback");
  return (
    <>
      <PageHeader
        title={t("notificationsPage.title")}
        description={t("notificationsPage.intro")}
        actions={
          <div className="flex flex-wrap items-start gap-3">
            <Link href="/settings/notifications" className="btn-secondary">
              {t("notificationsPage.settingsLink")}
            </Link>
            {unread > 0 ? <MarkAllRead /> : null}
          </div>
        }
      />
      <p className="mb-3 font-medium" data-testid="unread-summary">
        {t("notificationsPage.unread", { count: unread })}
      </p>
      {items.length === 0 ? (
        <EmptyState title={t("notificationsPage.empty")}>{t("notificationsPage.emptyHint")}</EmptyState>
      ) : (
        <ul className="card divide-y divide-slate-200 p-0 sm:p-0">
          {items.map((n) => {
            const text = textOf(n.kind, n.params);
            return (
              <li
                key={n.id}
                className={`flex flex-wrap items-center justify-between gap-3 px-4 py-3 ${n.readAt ? "" : "bg-amber-50"}`}
                data-testid="notification"
              >
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <span
                      className={`rounded-full px-2 py-0.5 text-sm font-medium ${
                        n.readAt ? "bg-slate-100 text-slate-800" : "bg-amber-200 text-amber-950"
                      }`}
                    >
                      {n.readAt ? t("notificationsPage.read") : t("notificationsPage.new")}
                    </span>
                    <span className={n.readAt ? "" : "font-semibold"}>{text}</span>
                  </p>
                  <p className="mt-1 text-sm text-slate-700">
                    {formatDateTime(n.createdAt, locale)}
                    {n.organisationName && actor.memberships.length > 1
                      ? ` · ${t("notificationsPage.forOrganisation", { organisation: n.organisationName })}`
                      : ""}
                  </p>
                </div>
                {n.link ? <OpenNotification id={n.id} text={text} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
