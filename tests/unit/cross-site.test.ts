import { describe, expect, it } from "vitest";
import { isCookieForgery, isCrossSite } from "@/app/api/_lib/cross-site";

const headers = (h: Record<string, string>) => new Headers(h);
const request = (method: string, h: Record<string, string>) =>
  new Request("http://app.example/api/v1/bookings", { method, headers: h });

describe("cross-site requests", () => {
  it("reads Sec-Fetch-Site first", () => {
    expect(isCrossSite(headers({ "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSite(headers({ "sec-fetch-site": "none" }))).toBe(false);
    expect(isCrossSite(headers({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSite(headers({ "sec-fetch-site": "same-site" }))).toBe(true);
    // A browser's own Sec-Fetch-Site wins over an Origin that happens to match.
    expect(
      isCrossSite(headers({ "sec-fetch-site": "cross-site", origin: "https://app.example", host: "app.example" })),
    ).toBe(true);
  });

  it("falls back to Origin against the host (the proxy's forwarded host first)", () => {
    expect(isCrossSite(headers({ origin: "https://app.example", host: "app.example" }))).toBe(false);
    expect(isCrossSite(headers({ origin: "https://evil.example", host: "app.example" }))).toBe(true);
    expect(isCrossSite(headers({ origin: "null", host: "app.example" }))).toBe(true);
    expect(isCrossSite(headers({ origin: "not a url", host: "app.example" }))).toBe(true);
    expect(
      isCrossSite(
        headers({ origin: "https://wsp.gmina.pl", host: "127.0.0.1:3000", "x-forwarded-host": "wsp.gmina.pl" }),
      ),
    ).toBe(false);
    expect(isCrossSite(headers({ host: "app.example" }))).toBe(false);
  });

  it("counts as forgery only a cookie-borne change from another site", () => {
    const evil = { cookie: "authjs.session-token=x", "sec-fetch-site": "cross-site" };
    expect(isCookieForgery(request("POST", evil))).toBe(true);
    expect(isCookieForgery(request("DELETE", evil))).toBe(true);
    expect(isCookieForgery(request("GET", evil))).toBe(false);
    expect(isCookieForgery(request("POST", { ...evil, authorization: "Bearer wsp_x" }))).toBe(false);
    expect(isCookieForgery(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(
      isCookieForgery(request("POST", { cookie: "authjs.session-token=x", "sec-fetch-site": "same-origin" })),
    ).toBe(false);
  });
});
