import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/permissions";
import { listResourcePhotos } from "@/lib/photos/list-resource-photos";

/**
 * The resource's photos on its page: the first one larger, the others beside it, all in a fixed 4:3 frame (cropped
 * to fill it, so nothing jumps while they load), each a link to the whole photo. Without photos the section is left
 * out, except for the owner, who gets a link to add some.
 */
export async function PhotoGallery({
  db,
  actor,
  resourceId,
  canManage,
}: {
  db: Db;
  actor: Actor;
  resourceId: string;
  canManage: boolean;
}) {
  const photos = await listResourcePhotos(db, actor, resourceId);
  if (photos.length === 0 && !canManage) return null;
  const t = await getTranslations("photos.gallery");
  return (
    <section aria-labelledby="photos-title" className="card space-y-3">
      <h2 id="photos-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {photos.length === 0 ? (
        <p className="text-slate-700">
          {t("noneYet")} <Link href={`/resources/${resourceId}/edit#photos`}>{t("addLink")}</Link>
        </p>
      ) : (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="resource-photos">
          {photos.map((photo, index) => (
            <li key={photo.id} className={index === 0 ? "col-span-2 row-span-2" : undefined}>
              <a href={photo.url} className="block rounded" aria-label={t("open", { alt: photo.alt })}>
                {/* biome-ignore lint/performance/noImgElement: served by our own authorized route; the image optimizer would fetch it without the session */}
                <img
                  src={photo.url}
                  alt={photo.alt}
                  loading="lazy"
                  width={index === 0 ? 800 : 400}
                  height={index === 0 ? 600 : 300}
                  className="aspect-[4/3] h-auto w-full rounded object-cover"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
