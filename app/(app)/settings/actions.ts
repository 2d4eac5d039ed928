"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/app/_lib/action";
import { changeMemberRole, changeMemberRoleSchema } from "@/lib/members/change-member-role";
import { inviteMember, inviteMemberSchema } from "@/lib/members/invite-member";
import { removeMember, removeMemberSchema } from "@/lib/members/remove-member";
import { revokeInvitation, revokeInvitationSchema } from "@/lib/members/revoke-invitation";
import { updateOrganisation, updateOrganisationSchema } from "@/lib/organisations/update-organisation";

export const updateProfileAction = authedAction(updateOrganisationSchema, async ({ db, actor, input }) => {
  await updateOrganisation(db, actor, input);
  revalidatePath("/", "layout");
  return { status: "success", message: (await getTranslations("profile"))("saved") };
});

export const inviteMemberAction = authedAction(inviteMemberSchema, async ({ db, actor, input }) => {
  const invitation = await inviteMember(db, actor, input);
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host")}`;
  revalidatePath("/settings/members");
  return {
    status: "success",
    message: (await getTranslations("members"))("invited", { email: invitation.email }),
    data: { link: `${origin}/invitation/${invitation.token}` },
  };
});

export const revokeInvitationAction = authedAction(revokeInvitationSchema, async ({ db, actor, input }) => {
  await revokeInvitation(db, actor, input);
  revalidatePath("/settings/members");
  return { status: "success", message: (await getTranslations("members"))("revoked") };
});

export const removeMemberAction = authedAction(removeMemberSchema, async ({ db, actor, input }) => {
  await removeMember(db, actor, input);
  // The removed row (and the form that asked) disappears, so the confirmation is shown by the page itself.
  redirect("/settings/members?done=removed");
});

export const changeMemberRoleAction = authedAction(changeMemberRoleSchema, async ({ db, actor, input }) => {
  await changeMemberRole(db, actor, input);
  revalidatePath("/settings/members");
  return { status: "success", message: (await getTranslations("members"))("roleChanged") };
});
