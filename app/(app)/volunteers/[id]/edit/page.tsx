import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { localDate } from "@/lib/domain/wall-clock";
import { listSkills } from "@/lib/volunteers/skills";
import { VolunteerForm } from "../../_components/volunteer-form";
import { loadVolunteer } from "../_lib/load";

export async function generateMetadata({ params }: PageProps<"/volunteers/[id]/edit">): Promise<Metadata> {
  const { volunteer } = await loadVolunteer((await params).id);
  return { title: (await getTranslations("volunteers.edit"))("title", { name: volunteer.firstName }) };
}

export default async function EditVolunteerPage({ params }: PageProps<"/volunteers/[id]/edit">) {
  const { id } = await params;
  const { db, volunteer: v } = await loadVolunteer(id);
  if (v.erased) notFound();
  const t = await getTranslations("volunteers");
  const vocabulary = (await listSkills(db)).map((s) => s.name);
  const back = `/volunteers/${v.id}`;
  return (
    <>
      <p className="mb-2">
        <Link href={back}>← {`${v.firstName} ${v.lastName}`.trim()}</Link>
      </p>
      <PageHeader title={t("edit.title", { name: `${v.firstName} ${v.lastName}`.trim() })} />
      <VolunteerForm
        volunteerId={v.id}
        vocabulary={vocabulary}
        cancelHref={back}
        today={localDate(new Date())}
        initial={{
          firstName: v.firstName,
          lastName: v.lastName,
          email: v.email ?? "",
          phone: v.phone ?? "",
          notes: v.notes,
          skills: v.skills.join(", "),
          childrenCheckOn: v.childrenCheckOn ?? "",
          consentOn: v.consentOn ?? "",
          consentScope: v.consentScope,
        }}
      />
    </>
  );
}
