import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getOrganisationProfile } from "@/lib/organisations/get-organisation-profile";
import { SettingsNav } from "../settings-nav";
import { ProfileForm } from "./profile-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("profile") };
}

export default async function ProfilePage() {
  const actor = await requireActor();
  const t = await getTranslations("profile");
  const org = await getOrganisationProfile(await getDb(), actor, actor.organisationSlug);
  const editable = can(actor, "organisation.update");
  return (
    <>
      <PageHeader title={t("title")} description={editable ? t("intro") : t("readOnly")} />
      <SettingsNav />
      <div className="card max-w-2xl">
        <ProfileForm
          editable={editable}
          initial={{
            name: org.name,
            description: org.description,
            contactEmail: org.contactEmail ?? "",
            contactPhone: org.contactPhone ?? "",
            website: org.website ?? "",
            address: org.address ?? "",
          }}
        />
      </div>
    </>
  );
}
