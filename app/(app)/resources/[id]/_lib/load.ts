import { notFound } from "next/navigation";
import { cache } from "react";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { getResource } from "@/lib/resources/get-resource";

/** The resource of the page, once per request; an unknown or invisible one is the 404 page. */
export const loadResource = cache(async (id: string) => {
  const actor = await requireActor();
  const db = await getDb();
  try {
    return { actor, db, resource: await getResource(db, actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});
