import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { BellIcon } from "@/app/_components/bell-icon";
import { DemoNotice } from "@/app/_components/demo-notice";
import { LocaleSwitcher } from "@/app/_components/locale-switcher";
import { NavLinks } from "@/app/_components/nav-links";
import { OrganisationSwitcher } from "@/app/_components/organisation-switcher";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { countUnread } from "@/lib/notifications/list-notifications";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const unread = await countUnread(await getDb(), actor);
  const items = [
    { href: "/dashboard", label: t("nav.dashboard") },
    { href: "/resources", label: t("nav.resources") },
    { href: "/bookings", label: t("nav.bookings") },
    { href: "/needs", label: t("nav.needs") },
    ...(can(actor, "volunteers.manage") ? [{ href: "/volunteers", label: t("nav.volunteers") }] : []),
    { href: "/partners", label: t("nav.partners") },
    ...(can(actor, "reports.own") ? [{ href: "/reports", label: t("nav.reports") }] : []),
    ...(can(actor, "partners.admit") ? [{ href: "/coordinator", label: t("nav.coordinator") }] : []),
    { href: "/settings", label: t("nav.settings") },
  ];
  return (
    <div className="flex min-h-screen flex-col">
      <DemoNotice />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-2">
          <div className="flex flex-wrap items-center gap-4">
            <a href="/dashboard" className="text-lg font-bold text-brand-800 no-underline">
              {t("app.name")}
            </a>
            <NavLinks items={items} label={t("nav.label")} />
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <a
              href="/notifications"
              className="inline-flex min-h-11 items-center gap-1 rounded-md px-3 font-medium text-slate-900 no-underline hover:bg-slate-200 hover:text-slate-900"
              aria-label={t("nav.notificationsUnread", { count: unread })}
              data-testid="notification-bell"
            >
              <BellIcon />
              <span aria-hidden="true">{t("nav.notifications")}</span>
              {unread > 0 ? (
                <span aria-hidden="true" className="rounded-full bg-amber-200 px-2 text-sm font-bold text-amber-950">
                  {unread}
                </span>
              ) : null}
            </a>
            {actor.memberships.length > 1 ? (
              <OrganisationSwitcher
                // A new form per organisation, so a finished switch cannot reset the next choice.
                key={actor.organisationId}
                current={actor.organisationId}
                options={actor.memberships.map((m) => ({ organisationId: m.organisationId, name: m.name }))}
              />
            ) : null}
            <LocaleSwitcher />
            <SignOutButton />
          </div>
        </div>
        <p className="mx-auto max-w-6xl px-4 pb-2 text-sm text-slate-700" data-testid="signed-in-as">
          {t("nav.signedInAs", { name: actor.name, organisation: actor.organisationName })}
        </p>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white px-4 py-3 text-center text-sm text-slate-700">
        {t("app.footer")}
      </footer>
    </div>
  );
}
