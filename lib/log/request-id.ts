/**
 * The request id that ties a request's log lines together. A proxy in front (nginx: `proxy_set_header X-Request-Id
 * $request_id`) may send one; it is kept when it looks like an id (letters, digits and `._:-`, at most 128), so a
 * client cannot write arbitrary text into the logs. Otherwise a fresh UUID. No Node-only imports: proxy.ts uses it.
 */
export const REQUEST_ID_HEADER = "x-request-id";

const SHAPE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(headers: Headers | null | undefined): string {
  const given = headers?.get(REQUEST_ID_HEADER)?.trim();
  return given && SHAPE.test(given) ? given : crypto.randomUUID();
}
