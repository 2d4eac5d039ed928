import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { getEmailPreferences } from "@/lib/notifications/email-preferences";
import { SettingsNav } from "../settings-nav";
import { PreferencesForm } from "./preferences-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emailSettings"))("title") };
}

export default async function EmailSettingsPage() {
  const actor = await requireActor();
  const t = await getTranslations("emailSettings");
  const preferences = await getEmailPreferences(await getDb(), actor);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro", { email: actor.email })} />
      <SettingsNav />
      <div className="card max-w-3xl">
        <PreferencesForm locale={preferences.locale} enabled={preferences.categories} />
      </div>
    </>
  );
}
