import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { CheckIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { listMembers } from "@/lib/members/list-members";
import { SettingsNav } from "../settings-nav";
import { InviteForm } from "./invite-form";
import { MemberActions, RevokeInvitation } from "./member-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("members") };
}

export default async function MembersPage({ searchParams }: PageProps<"/settings/members">) {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const { members, invitations } = await listMembers(await getDb(), actor);
  const manage = can(actor, "members.manage");
  const { done } = await searchParams;
  return (
    <>
      <PageHeader
        title={t("members.title")}
        description={t("members.intro", { count: members.length, organisation: actor.organisationName })}
      />
      <SettingsNav />
      <div role="status" aria-live="polite">
        {done === "removed" ? (
          <p className="mb-4 flex items-center gap-2 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
            <CheckIcon className="shrink-0" />
            {t("members.removed")}
          </p>
        ) : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="member-list" className="card lg:col-span-2">
          <h2 id="member-list" className="text-xl font-semibold">
            {t("members.listTitle")}
          </h2>
          <ul className="mt-2 divide-y divide-slate-200">
            {members.map((m) => (
              <li
                key={m.userId}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
                data-testid="member-row"
              >
                <div>
                  <p className="font-medium">
                    {m.name}
                    {m.userId === actor.userId ? <span className="text-slate-700"> ({t("members.you")})</span> : null}
                  </p>
                  <p className="text-sm text-slate-700">
                    {m.email} · {t(`roles.${m.role}`)}
                    {m.coordinator ? ` · ${t("roles.coordinator")}` : ""}
                  </p>
                </div>
                {manage ? <MemberActions userId={m.userId} name={m.name} role={m.role} /> : null}
              </li>
            ))}
          </ul>
        </section>
        <div className="space-y-6">
          {manage ? (
            <section aria-labelledby="invite" className="card">
              <h2 id="invite" className="text-xl font-semibold">
                {t("members.inviteTitle")}
              </h2>
              <p className="mb-3 text-sm text-slate-700">{t("members.inviteIntro")}</p>
              <InviteForm />
            </section>
          ) : (
            <EmptyState title={t("members.onlyAdmins")} />
          )}
          {manage ? (
            <section aria-labelledby="pending-invitations" className="card">
              <h2 id="pending-invitations" className="text-xl font-semibold">
                {t("members.pendingTitle")}
              </h2>
              {invitations.length === 0 ? (
                <p className="mt-2 text-slate-700">{t("members.pendingEmpty")}</p>
              ) : (
                <ul className="mt-2 divide-y divide-slate-200">
                  {invitations.map((i) => (
                    <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <div>
                        <p className="font-medium">{i.email}</p>
                        <p className="text-sm text-slate-700">
                          {t(`roles.${i.role}`)} · {t("members.expires", { date: formatDateTime(i.expiresAt, locale) })}
                        </p>
                      </div>
                      <RevokeInvitation invitationId={i.id} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
