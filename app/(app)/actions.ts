"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction, publicAction } from "@/app/_lib/action";
import { ACTIVE_ORG_COOKIE } from "@/app/_lib/session";
import { signOut } from "@/lib/auth/auth";
import { selectOrganisation, selectOrganisationSchema } from "@/lib/auth/select-organisation";

export const switchOrganisationAction = authedAction(selectOrganisationSchema, async ({ actor, input }) => {
  const organisationId = selectOrganisation(actor, input);
  (await cookies()).set(ACTIVE_ORG_COOKIE, organisationId, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && process.env.AUTH_URL?.startsWith("https"),
  });
  redirect("/dashboard");
});

// Signing out needs no actor: a session whose member was removed must still be able to end.
export const signOutAction = publicAction(z.object({}), async () => {
  (await cookies()).delete(ACTIVE_ORG_COOKIE);
  await signOut({ redirectTo: "/login" });
});
