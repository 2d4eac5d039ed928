import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { openResourcePhoto } from "@/lib/photos/open-resource-photo";

/** Any string: a malformed id is answered like an unknown one (404) by the use-case, never a 500. */
const params = z.object({ photoId: z.string() });

/** True when `If-None-Match` names this entity tag (or `*`); weak tags compare equal, as RFC 9110 says for GET. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim().replace(/^W\//, "");
    return t === "*" || t === etag;
  });
}

/**
 * `GET /api/files/photos/{photoId}` → the photo's bytes, for whoever may see its resource (session or API token).
 * A photo's file never changes (a new photo gets a new id), so browsers may keep it a day without asking again, and
 * its id is its entity tag. `private`: a shared cache must not hand it to someone who may not see it.
 */
export const GET = authedRoute({ params }, async ({ db, actor, params, request }) => {
  const photo = await openResourcePhoto(db, actor, params.photoId);
  const etag = `"${photo.id}"`;
  const headers = {
    "Content-Type": photo.contentType,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, max-age=86400, immutable",
    ETag: etag,
  };
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  const bytes = await photo.read();
  return new Response(bytes, {
    headers: { ...headers, "Content-Length": String(bytes.byteLength) },
  });
});
