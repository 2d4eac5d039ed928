import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { loadActor } from "@/lib/auth/actor";
import { auth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/auth/permissions";

export const ACTIVE_ORG_COOKIE = "wsp_org";

/** Who is acting, read from the database once per request (never trusted from the session token alone). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const preferred = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value ?? null;
  return loadActor(await getDb(), userId, preferred);
});

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
