import { publicRoute } from "@/app/api/_lib/route";
import { openApiDocument } from "@/lib/api/openapi";

export const GET = publicRoute({}, async () => ({
  body: openApiDocument,
  headers: { "Cache-Control": "public, max-age=300" },
}));
