/** Methods that change nothing: a cross-site GET may read only what the same-origin policy lets the page see. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when a browser sends this request from another site: `Sec-Fetch-Site` says so (every current browser sends
 * it), or, from an older browser, an `Origin` that is not this host. Scripts (curl, integrations) send neither and are
 * not affected; they authenticate with a token anyway.
 */
export function isCrossSite(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = headers.get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * A change made with the session cookie from another site's page (cross-site request forgery) — the API's answer is
 * 403. The session cookie is `SameSite=Lax` as well; this does not lean on that alone (a multipart form post, which
 * needs no CORS preflight, reaches the photo upload).
 */
export function isCookieForgery(request: Request): boolean {
  return (
    !SAFE_METHODS.has(request.method.toUpperCase()) &&
    !request.headers.get("authorization") &&
    request.headers.get("cookie") !== null &&
    isCrossSite(request.headers)
  );
}
