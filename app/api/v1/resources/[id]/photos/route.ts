import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { MAX_PHOTO_BYTES } from "@/lib/domain/photo-file";
import { AppError } from "@/lib/errors";
import { addResourcePhoto } from "@/lib/photos/add-resource-photo";
import { listResourcePhotos } from "@/lib/photos/list-resource-photos";
import type { ResourcePhotoView } from "@/lib/photos/photo-view";

const params = z.object({ id: z.uuid("not_found") });

/** The largest multipart body read: the largest photo plus room for the alt text and the multipart framing. */
const MAX_UPLOAD_BODY = MAX_PHOTO_BYTES + 64 * 1024;

const item = (photo: ResourcePhotoView) => ({
  id: photo.id,
  url: photo.url,
  alt: photo.alt,
  contentType: photo.contentType,
});

/** GET /api/v1/resources/{id}/photos → `{ items: [{ id, url, alt, contentType }] }`, in the resource's order. */
export const GET = authedRoute({ params }, async ({ db, actor, params }) => ({
  body: { items: (await listResourcePhotos(db, actor, params.id)).map(item) },
}));

const tooBig = () => new AppError("validation", { field: "file", reason: "photo_too_big" });

/**
 * The multipart form of an upload, read up to `MAX_UPLOAD_BODY`: a declared length over it is refused before
 * anything is read, and a body without one (chunked) is cut off as soon as it passes the limit.
 */
async function readUpload(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("validation", { field: "file", reason: "multipart_required" });
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BODY) throw tooBig();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    size += chunk.value.byteLength;
    if (size > MAX_UPLOAD_BODY) {
      await reader?.cancel();
      throw tooBig();
    }
    chunks.push(chunk.value);
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("validation", { field: "file", reason: "multipart_required" });
  }
}

/**
 * POST /api/v1/resources/{id}/photos, `multipart/form-data` with `file` (JPEG, PNG or WebP, at most 5 MB) and `alt`
 * (the text alternative, 3–200 characters) → 201 and the photo.
 */
export const POST = authedRoute({ params }, async ({ db, actor, params, request }) => {
  const form = await readUpload(request);
  const file = form.get("file");
  const alt = form.get("alt");
  const photo = await addResourcePhoto(db, actor, {
    resourceId: params.id,
    alt: typeof alt === "string" ? alt : "",
    file: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(),
  });
  return { status: 201, body: item(photo) };
});
