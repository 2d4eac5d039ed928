import type { resourcePhotos } from "@/db/schema";

type PhotoRow = Pick<
  typeof resourcePhotos.$inferSelect,
  "id" | "resourceId" | "altText" | "contentType" | "byteSize" | "position" | "createdAt"
>;

/** Where the app serves a photo's bytes (`app/api/files/photos/[photoId]`), after checking who asks. */
export const photoUrl = (photoId: string) => `/api/files/photos/${photoId}`;

/** A photo as the use-cases return it; the storage key stays inside `lib/`. */
export function photoView(row: PhotoRow) {
  return {
    id: row.id,
    resourceId: row.resourceId,
    url: photoUrl(row.id),
    alt: row.altText,
    contentType: row.contentType,
    byteSize: row.byteSize,
    position: row.position,
    createdAt: row.createdAt,
  };
}
export type ResourcePhotoView = ReturnType<typeof photoView>;
