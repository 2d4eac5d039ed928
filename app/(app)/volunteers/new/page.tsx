import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { localDate } from "@/lib/domain/wall-clock";
import { listSkills } from "@/lib/volunteers/skills";
import { VolunteerForm } from "../_components/volunteer-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("volunteers.new"))("title") };
}

export default async function NewVolunteerPage() {
  const actor = await requireActor();
  if (!can(actor, "volunteers.manage")) notFound();
  const t = await getTranslations("volunteers");
  const vocabulary = await listSkills(await getDb());
  return (
    <>
      <p className="mb-2">
        <Link href="/volunteers">{t("back")}</Link>
      </p>
      <PageHeader title={t("new.title")} description={t("new.intro")} />
      <VolunteerForm
        vocabulary={vocabulary.map((s) => s.name)}
        cancelHref="/volunteers"
        today={localDate(new Date())}
      />
    </>
  );
}
