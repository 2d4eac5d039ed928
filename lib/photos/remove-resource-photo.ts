import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { organisations, resourcePhotos, resources } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log/logger";
import { visibleTo } from "@/lib/resources/resource-access";
import { type FileStore, getFileStore } from "@/lib/storage";
import { uuidParam } from "@/lib/validation";
import { photoView } from "./photo-view";

export const removeResourcePhotoSchema = z.object({ photoId: uuidParam });
export type RemoveResourcePhotoInput = z.input<typeof removeResourcePhotoSchema>;

/**
 * Removes a photo of the actor's own resource: the row first (in a transaction, audited), then the file, so the app
 * never shows a photo whose file is gone. A photo the actor cannot see is `not_found`; another partner's visible
 * one is `forbidden`. A file the store fails to delete is only logged: nothing refers to it any more.
 */
export async function removeResourcePhoto(
  db: Db,
  actor: Actor | null,
  input: RemoveResourcePhotoInput,
  store: FileStore = getFileStore(),
): Promise<{ id: string; resourceId: string; deleted: true }> {
  assertCan(actor, "resources.manage");
  const { photoId } = removeResourcePhotoSchema.parse(input);
  const removed = await db.transaction(async (tx) => {
    // The resource's row lock orders this with uploads to the same resource (positions, the limit).
    const [found] = await tx
      .select({ photo: resourcePhotos, ownerId: resources.organisationId })
      .from(resourcePhotos)
      .innerJoin(resources, eq(resources.id, resourcePhotos.resourceId))
      .innerJoin(organisations, eq(organisations.id, resources.organisationId))
      .where(and(eq(resourcePhotos.id, photoId), visibleTo(actor)))
      .for("update", { of: resources });
    if (!found) throw new AppError("not_found");
    if (found.ownerId !== actor.organisationId) throw new AppError("forbidden");
    await tx.delete(resourcePhotos).where(eq(resourcePhotos.id, photoId));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "photo.delete",
      entityType: "resource_photo",
      entityId: photoId,
      before: { ...photoView(found.photo), storageKey: found.photo.storageKey },
    });
    return found.photo;
  });
  await store
    .delete(removed.storageKey)
    .catch((err) => log.warn({ err, storageKey: removed.storageKey }, "could not delete a removed photo's file"));
  return { id: photoId, resourceId: removed.resourceId, deleted: true };
}
