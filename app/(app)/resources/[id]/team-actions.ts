"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/app/_lib/action";
import { updateOfferSkills, updateOfferTeam } from "@/lib/volunteers/offer-team";
import { offerSkillsForm, offerTeamForm } from "./_lib/team-inputs";

export const updateOfferSkillsAction = authedAction(offerSkillsForm, async ({ db, actor, input }) => {
  await updateOfferSkills(db, actor, input);
  revalidatePath(`/resources/${input.resourceId}`);
  return { status: "success", message: (await getTranslations("volunteers.team"))("skillsSaved") };
});

export const updateOfferTeamAction = authedAction(offerTeamForm, async ({ db, actor, input }) => {
  await updateOfferTeam(db, actor, input);
  revalidatePath(`/resources/${input.resourceId}`);
  return { status: "success", message: (await getTranslations("volunteers.team"))("teamSaved") };
});
