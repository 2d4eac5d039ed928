import { authedRoute } from "@/app/api/_lib/route";
import { createResource } from "@/lib/resources/create-resource";
import { listResources, listResourcesSchema } from "@/lib/resources/list-resources";
import { createResourceSchema } from "@/lib/resources/resource-schema";

/** GET /api/v1/resources?kind=&q=&owner=&minCapacity=&minQuantity=&from=&to= → `{ items }`, sorted by name. */
export const GET = authedRoute({ query: listResourcesSchema }, async ({ db, actor, query }) => ({
  body: { items: await listResources(db, actor, query) },
}));

/** POST /api/v1/resources → 201 with the new resource, owned by the caller's organisation. */
export const POST = authedRoute({ body: createResourceSchema }, async ({ db, actor, body }) => ({
  status: 201,
  body: await createResource(db, actor, body),
}));
