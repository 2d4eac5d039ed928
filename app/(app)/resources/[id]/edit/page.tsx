import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { KindBadge } from "@/app/_components/kind-badge";
import { PageHeader } from "@/app/_components/page-header";
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_RESOURCE } from "@/lib/domain/photo-file";
import type { Locale } from "@/lib/i18n/config";
import { listResourcePhotos } from "@/lib/photos/list-resource-photos";
import { ResourceForm } from "../../_components/resource-form";
import { formatPeriod } from "../../_lib/local-time";
import { resourceDefaults } from "../../_lib/resource-form-input";
import { loadResource } from "../_lib/load";
import { ArchiveButton } from "./_components/archive-button";
import { Blackouts } from "./_components/blackouts";
import { PhotoManager } from "./_components/photo-manager";

export async function generateMetadata({ params }: PageProps<"/resources/[id]/edit">): Promise<Metadata> {
  const { resource } = await loadResource((await params).id);
  return { title: (await getTranslations("resourceEdit"))("title", { name: resource.name }) };
}

export default async function EditResourcePage({ params }: PageProps<"/resources/[id]/edit">) {
  const { actor, db, resource } = await loadResource((await params).id);
  const t = await getTranslations("resourceEdit");
  const locale = (await getLocale()) as Locale;
  const back = (
    <p className="mb-2">
      <Link href={`/resources/${resource.id}`}>{t("back", { name: resource.name })}</Link>
    </p>
  );
  if (!resource.canManage) {
    return (
      <>
        {back}
        <PageHeader title={t("title", { name: resource.name })} />
        <EmptyState title={t("notYours", { owner: resource.organisation.name })} />
      </>
    );
  }
  const { form, hours, alwaysOpen } = resourceDefaults(resource);
  const [photos, tp] = await Promise.all([listResourcePhotos(db, actor, resource.id), getTranslations("photos")]);
  const archived = resource.status === "archived";
  return (
    <>
      {back}
      <PageHeader title={t("title", { name: resource.name })} description={<KindBadge kind={resource.kind} />} />
      {archived ? (
        <p className="mb-6 rounded-md border border-slate-400 bg-slate-100 px-3 py-2">{t("archivedNote")}</p>
      ) : null}
      <div className="max-w-3xl space-y-8">
        <ResourceForm resourceId={resource.id} defaults={form} hours={hours} alwaysOpen={alwaysOpen} />

        <section aria-labelledby="photos" className="card space-y-3">
          <h2 id="photos" className="text-xl font-semibold">
            {tp("title")}
          </h2>
          <p className="text-sm text-slate-700">
            {tp("intro", { max: MAX_PHOTOS_PER_RESOURCE, maxMb: MAX_PHOTO_BYTES / (1024 * 1024) })}
          </p>
          <PhotoManager resourceId={resource.id} photos={photos.map((p) => ({ id: p.id, url: p.url, alt: p.alt }))} />
        </section>

        <section aria-labelledby="blackouts" className="card space-y-3">
          <h2 id="blackouts" className="text-xl font-semibold">
            {t("blackoutsTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("blackoutsIntro")}</p>
          <Blackouts
            resourceId={resource.id}
            items={resource.blackouts.map((b) => ({
              id: b.id,
              label: formatPeriod(b.start, b.end, locale),
              reason: b.reason,
            }))}
          />
        </section>

        {archived ? null : (
          <section aria-labelledby="archive" className="card space-y-3">
            <h2 id="archive" className="text-xl font-semibold">
              {t("archiveTitle")}
            </h2>
            <p className="text-slate-700">{t("archiveIntro")}</p>
            <ArchiveButton resourceId={resource.id} name={resource.name} />
          </section>
        )}
      </div>
    </>
  );
}
