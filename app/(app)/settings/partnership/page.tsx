import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { isLeadingOrganisation } from "@/lib/partnership/partner-status";
import { SettingsNav } from "../settings-nav";
import { LeaveForm } from "./leave-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("partnershipSettings"))("title") };
}

export default async function PartnershipSettingsPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const isLeader = await isLeadingOrganisation(await getDb(), actor);
  return (
    <>
      <PageHeader
        title={t("partnershipSettings.title")}
        description={t("partnershipSettings.intro", { organisation: actor.organisationName })}
      />
      <SettingsNav />
      <p className="mb-4">
        <Link href="/partnerstwo">{t("partnership.title")}</Link>
      </p>
      <section aria-labelledby="leave" className="card max-w-3xl">
        <h2 id="leave" className="text-xl font-semibold">
          {t("partnershipSettings.leaveTitle")}
        </h2>
        {!can(actor, "organisation.update") ? (
          <div className="mt-3">
            <EmptyState title={t("partnershipSettings.onlyAdmins")} />
          </div>
        ) : isLeader ? (
          <div className="mt-3">
            <EmptyState title={t("partnershipSettings.leaderCannot")} />
          </div>
        ) : (
          <>
            <p className="mb-4 mt-2 text-slate-700">{t("partnershipSettings.leaveIntro")}</p>
            <LeaveForm />
          </>
        )}
      </section>
    </>
  );
}
