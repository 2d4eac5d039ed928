import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations, resourcePhotos, resources } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log/logger";
import { visibleTo } from "@/lib/resources/resource-access";
import { type FileStore, getFileStore } from "@/lib/storage";
import { uuidParam } from "@/lib/validation";

export interface OpenedPhoto {
  id: string;
  contentType: string;
  byteSize: number;
  /** The bytes from the store; `not_found` if the file has gone missing. */
  read(): Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * A photo for whoever may see its resource (the rule of `getResource`), else `not_found` — also for an id that is
 * not a UUID. The bytes are read only when asked, so a browser's revalidation (`If-None-Match`) costs no file read.
 */
export async function openResourcePhoto(
  db: Db,
  actor: Actor | null,
  photoId: string,
  store: FileStore = getFileStore(),
): Promise<OpenedPhoto> {
  assertCan(actor, "organisation.view");
  const id = uuidParam.safeParse(photoId);
  if (!id.success) throw new AppError("not_found");
  const [found] = await db
    .select({
      id: resourcePhotos.id,
      contentType: resourcePhotos.contentType,
      byteSize: resourcePhotos.byteSize,
      storageKey: resourcePhotos.storageKey,
    })
    .from(resourcePhotos)
    .innerJoin(resources, eq(resources.id, resourcePhotos.resourceId))
    .innerJoin(organisations, eq(organisations.id, resources.organisationId))
    .where(and(eq(resourcePhotos.id, id.data), visibleTo(actor)))
    .limit(1);
  if (!found) throw new AppError("not_found");
  return {
    id: found.id,
    contentType: found.contentType,
    byteSize: found.byteSize,
    async read() {
      const bytes = await store.get(found.storageKey);
      if (!bytes) {
        // A row without its file: the shared folder is not mounted on this instance, or was restored without it.
        log.error({ photoId: found.id, storageKey: found.storageKey }, "a photo's file is missing from the store");
        throw new AppError("not_found");
      }
      return bytes;
    },
  };
}
