import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { organisations, resourcePhotos, resources } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { resourceIdOf, visibleTo } from "@/lib/resources/resource-access";
import { photoView, type ResourcePhotoView } from "./photo-view";

/**
 * The photos of a resource in order, for whoever may see the resource (`getResource`'s rule): any partner for an
 * active resource of an active partner, only the owner for an archived one; otherwise `not_found`. One query: the
 * resource with its photos left-joined, so "no such resource" and "no photos" differ.
 */
export async function listResourcePhotos(
  db: Db,
  actor: Actor | null,
  resourceId: string,
): Promise<ResourcePhotoView[]> {
  assertCan(actor, "organisation.view");
  const rows = await db
    .select({
      photo: {
        id: resourcePhotos.id,
        resourceId: resourcePhotos.resourceId,
        altText: resourcePhotos.altText,
        contentType: resourcePhotos.contentType,
        byteSize: resourcePhotos.byteSize,
        position: resourcePhotos.position,
        createdAt: resourcePhotos.createdAt,
      },
    })
    .from(resources)
    .innerJoin(organisations, eq(organisations.id, resources.organisationId))
    .leftJoin(resourcePhotos, eq(resourcePhotos.resourceId, resources.id))
    .where(and(eq(resources.id, resourceIdOf(resourceId)), visibleTo(actor)))
    .orderBy(asc(resourcePhotos.position));
  if (rows.length === 0) throw new AppError("not_found");
  return rows.flatMap(({ photo }) => (photo ? [photoView(photo)] : []));
}
