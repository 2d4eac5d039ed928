import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { localDate } from "@/lib/domain/wall-clock";
import { listSkills } from "@/lib/volunteers/skills";
import { NeedForm } from "./need-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("needs.form"))("pageTitle") };
}

export default async function NewNeedPage() {
  const actor = await requireActor();
  const t = await getTranslations("needs");
  if (!can(actor, "needs.manage")) {
    return <PageHeader title={t("form.pageTitle")} description={t("form.notAllowed")} />;
  }
  const skills = await listSkills(await getDb());
  return (
    <>
      <p className="mb-2">
        <Link href="/needs" className="inline-flex min-h-11 items-center">
          <span aria-hidden="true">←&nbsp;</span>
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("form.pageTitle")} description={t("form.intro")} />
      <NeedForm today={localDate(new Date())} knownSkills={skills.map((s) => s.name)} />
    </>
  );
}
