import { publicRoute } from "@/app/api/_lib/route";
import { renderApiDocs } from "@/lib/api/render-docs";

/** The readable page of the API description. */
export const GET = publicRoute(
  {},
  async () => new Response(renderApiDocs(), { headers: { "Content-Type": "text/html; charset=utf-8" } }),
);
