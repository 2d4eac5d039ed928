import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { can } from "@/lib/auth/permissions";
import { ResourceForm } from "../_components/resource-form";
import { NEW_RESOURCE } from "../_lib/resource-form-input";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resourceForm"))("newTitle") };
}

export default async function NewResourcePage() {
  const actor = await requireActor();
  const t = await getTranslations("resourceForm");
  return (
    <>
      <p className="mb-2">
        <Link href="/resources">{t("backToCatalogue")}</Link>
      </p>
      <PageHeader title={t("newTitle")} description={t("newIntro", { organisation: actor.organisationName })} />
      {can(actor, "resources.manage") ? (
        <div className="max-w-3xl">
          <ResourceForm defaults={NEW_RESOURCE.form} hours={NEW_RESOURCE.hours} alwaysOpen={NEW_RESOURCE.alwaysOpen} />
        </div>
      ) : (
        <EmptyState title={t("notAllowed")} />
      )}
    </>
  );
}
