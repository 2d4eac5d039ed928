import { count, eq, max } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { resourcePhotos } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { altTextLengthOk, checkPhotoFile, MAX_PHOTOS_PER_RESOURCE } from "@/lib/domain/photo-file";
import { stripMetadata } from "@/lib/domain/strip-metadata";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log/logger";
import { lockOwnResource } from "@/lib/resources/resource-access";
import { type FileStore, getFileStore, newStorageKey } from "@/lib/storage";
import { unstorable, uuidParam } from "@/lib/validation";
import { photoView, type ResourcePhotoView } from "./photo-view";

/** The text alternative: what the photo shows, for people who cannot see it (WCAG 1.1.1). */
export const altTextSchema = z
  .string("required")
  .trim()
  .refine(altTextLengthOk, "alt_length")
  .refine((text) => !unstorable(text), "invalid_text");

/**
 * `file` is the uploaded bytes; their type is read from the bytes themselves (magic numbers), never from the name or
 * the type the browser declared. They come out without their metadata (EXIF with the GPS position, XMP, comments:
 * `stripMetadata`), which every partner would otherwise be able to read; a file too malformed to strip is not a
 * photo. Both fields are checked at once, so a form can name both problems.
 */
export const addResourcePhotoSchema = z.object({
  resourceId: uuidParam,
  alt: altTextSchema,
  file: z.instanceof(Uint8Array, { message: "photo_missing" }).transform((bytes, ctx) => {
    const check = checkPhotoFile(bytes);
    if (!check.ok) {
      ctx.addIssue({ code: "custom", message: check.reason });
      return z.NEVER;
    }
    const stripped = stripMetadata(bytes, check.contentType);
    if (!stripped) {
      ctx.addIssue({ code: "custom", message: "photo_type" });
      return z.NEVER;
    }
    return { bytes: stripped.bytes, contentType: check.contentType };
  }),
});
export type AddResourcePhotoInput = z.input<typeof addResourcePhotoSchema>;

/** Locks the actor's own resource and refuses a photo over the limit; in the caller's transaction. */
async function lockRoomForPhoto(tx: Db, actor: Actor, resourceId: string): Promise<number> {
  await lockOwnResource(tx, actor, resourceId);
  const [{ n, last }] = await tx
    .select({ n: count(), last: max(resourcePhotos.position) })
    .from(resourcePhotos)
    .where(eq(resourcePhotos.resourceId, resourceId));
  if (Number(n) >= MAX_PHOTOS_PER_RESOURCE) {
    throw new AppError("validation", { field: "file", reason: "too_many_photos" });
  }
  return (last ?? 0) + 1;
}

/**
 * Adds a photo to the actor's own resource (at most `MAX_PHOTOS_PER_RESOURCE`), last in order, stripped of its
 * metadata (the size recorded is the stripped file's). The file is stored
 * first and the row written after it, so a row never names a missing file; if the row is refused, the file is
 * deleted again. Ownership and the limit are checked before the upload too, so a refused request stores nothing.
 */
export async function addResourcePhoto(
  db: Db,
  actor: Actor | null,
  input: AddResourcePhotoInput,
  store: FileStore = getFileStore(),
): Promise<ResourcePhotoView> {
  assertCan(actor, "resources.manage");
  const { resourceId, alt, file } = addResourcePhotoSchema.parse(input);
  // A short transaction of its own: the lock is not held while the file travels to the store.
  await db.transaction((tx) => lockRoomForPhoto(tx, actor, resourceId));
  const storageKey = newStorageKey("photos");
  await store.put(storageKey, file.bytes, file.contentType);
  try {
    return await db.transaction(async (tx) => {
      // Again under the lock: another upload may have taken the last place meanwhile.
      const position = await lockRoomForPhoto(tx, actor, resourceId);
      const [row] = await tx
        .insert(resourcePhotos)
        .values({
          resourceId,
          storageKey,
          contentType: file.contentType,
          byteSize: file.bytes.length,
          altText: alt,
          position,
          createdBy: actor.userId,
        })
        .returning();
      const view = photoView(row);
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: "photo.create",
        entityType: "resource_photo",
        entityId: row.id,
        after: { ...view, storageKey },
      });
      return view;
    });
  } catch (error) {
    await store.delete(storageKey).catch((err) => log.warn({ err, storageKey }, "could not delete a refused upload"));
    throw error;
  }
}
