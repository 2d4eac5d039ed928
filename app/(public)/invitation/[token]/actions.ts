"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/app/_lib/action";
import { signIn } from "@/lib/auth/auth";
import { acceptInvitation, acceptInvitationSchema } from "@/lib/members/accept-invitation";

/** Redeems the invitation, then signs the new member in with the password they just set or confirmed. */
export const acceptInvitationAction = publicAction(acceptInvitationSchema, async ({ db, input }) => {
  const { email } = await acceptInvitation(db, input);
  await signIn("credentials", { email, password: input.password, redirect: false });
  redirect("/dashboard");
});
