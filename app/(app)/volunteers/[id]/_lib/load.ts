import { notFound } from "next/navigation";
import { cache } from "react";
import { requireActor } from "@/app/_lib/session";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { getVolunteer } from "@/lib/volunteers/get-volunteer";

/** The volunteer of the page, once per request; another organisation's, an unknown one or no permission → 404. */
export const loadVolunteer = cache(async (id: string) => {
  const actor = await requireActor();
  const db = await getDb();
  try {
    return { actor, db, volunteer: await getVolunteer(db, actor, id) };
  } catch (error) {
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
});
