import { type NextRequest, NextResponse } from "next/server";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id";

/**
 * A content security policy with a fresh nonce per request for every page. Next.js reads the policy from the request
 * headers and puts the nonce on its own scripts, so only scripts that the server rendered run: an injected
 * `<script>` or event handler does not. Styles keep 'unsafe-inline' (React style attributes, the print page's
 * stylesheet); they cannot run code. Authorization is never done here (the actor is re-read in the pages).
 *
 * It also gives every page request its request id (the proxy's `X-Request-Id`, or a new one) in the request headers,
 * where server actions and the error hook read it for the log lines, and in the response.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const policy = [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a trusted script are trusted; dev mode needs eval for fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestId = requestIdFrom(request.headers);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API responses and static files get their headers from next.config.ts.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
