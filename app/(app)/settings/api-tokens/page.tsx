import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { listApiTokens } from "@/lib/auth/api-tokens";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { SettingsNav } from "../settings-nav";
import { TokenManager } from "./token-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiTokens"))("title") };
}

export default async function ApiTokensPage() {
  const actor = await requireActor();
  const t = await getTranslations("apiTokens");
  const locale = (await getLocale()) as Locale;
  const tokens = await listApiTokens(await getDb(), actor);
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host")}`;
  const organisationName = (id: string) =>
    actor.memberships.find((m) => m.organisationId === id)?.name ??
    (id === actor.organisationId ? actor.organisationName : null);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro", { organisation: actor.organisationName })} />
      <SettingsNav />
      <section aria-labelledby="token-about" className="card mb-6 space-y-2">
        <h2 id="token-about" className="text-xl font-semibold">
          {t("aboutTitle")}
        </h2>
        <p>{t("about1")}</p>
        <p>{t("about2")}</p>
        <p>{t("example")}</p>
        <pre className="whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 text-sm text-slate-50">
          <code>{`curl -H "Authorization: Bearer wsp_…" ${origin}/api/v1/bookings`}</code>
        </pre>
        <p>
          <a href="/api/docs">{t("docsLink")}</a>
        </p>
      </section>
      <TokenManager
        tokens={tokens.map((x) => ({
          id: x.id,
          name: x.name,
          prefix: x.prefix,
          created: formatDateTime(x.createdAt, locale),
          lastUsed: x.lastUsedAt ? formatDateTime(x.lastUsedAt, locale) : null,
          // Only worth saying for someone who acts for more than one organisation.
          organisation: actor.memberships.length > 1 ? organisationName(x.organisationId) : null,
        }))}
      />
    </>
  );
}
