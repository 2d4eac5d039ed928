"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/app/_lib/action";
import type { FormState } from "@/app/_lib/form-state";
import { isAppError } from "@/lib/errors";
import { createVolunteer } from "@/lib/volunteers/create-volunteer";
import { eraseVolunteer } from "@/lib/volunteers/erase-volunteer";
import { addQualification, removeQualification } from "@/lib/volunteers/qualifications";
import { setVolunteerActive } from "@/lib/volunteers/set-volunteer-active";
import { updateVolunteer } from "@/lib/volunteers/update-volunteer";
import {
  addQualificationSchema,
  createVolunteerSchema,
  removeQualificationSchema,
  setVolunteerActiveSchema,
  updateVolunteerSchema,
  volunteerIdSchema,
} from "@/lib/volunteers/volunteer-schema";

const REFUSALS = ["volunteer_erased", "volunteer_upcoming_engagements"];

/** A refusal of the volunteers' own rules, as a form message naming the reason; anything else goes on. */
async function refused(error: unknown): Promise<FormState> {
  if (isAppError(error) && error.code === "invalid_state") {
    const { reason, count } = error.details as { reason?: string; count?: number };
    if (reason && REFUSALS.includes(reason)) {
      const t = await getTranslations("volunteers.errors");
      return { status: "error", message: t(reason, { count: count ?? 0 }) };
    }
  }
  throw error;
}

export const createVolunteerAction = authedAction(createVolunteerSchema, async ({ db, actor, input }) => {
  const { id } = await createVolunteer(db, actor, input);
  revalidatePath("/volunteers");
  redirect(`/volunteers/${id}?done=created`);
});

export const updateVolunteerAction = authedAction(updateVolunteerSchema, async ({ db, actor, input }) => {
  let id: string;
  try {
    ({ id } = await updateVolunteer(db, actor, input));
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/volunteers");
  redirect(`/volunteers/${id}?done=saved`);
});

export const setVolunteerActiveAction = authedAction(setVolunteerActiveSchema, async ({ db, actor, input }) => {
  const t = await getTranslations("volunteers.page");
  try {
    const { id, active } = await setVolunteerActive(db, actor, input);
    revalidatePath(`/volunteers/${id}`);
    revalidatePath("/volunteers");
    return { status: "success", message: active ? t("activated") : t("deactivated") };
  } catch (error) {
    return refused(error);
  }
});

export const addQualificationAction = authedAction(addQualificationSchema, async ({ db, actor, input }) => {
  const t = await getTranslations("volunteers.page");
  try {
    await addQualification(db, actor, input);
  } catch (error) {
    return refused(error);
  }
  revalidatePath(`/volunteers/${input.volunteerId}`);
  return { status: "success", message: t("qualificationAdded") };
});

export const removeQualificationAction = authedAction(removeQualificationSchema, async ({ db, actor, input }) => {
  const t = await getTranslations("volunteers.page");
  try {
    await removeQualification(db, actor, input);
  } catch (error) {
    return refused(error);
  }
  revalidatePath(`/volunteers/${input.volunteerId}`);
  return { status: "success", message: t("qualificationRemoved") };
});

export const eraseVolunteerAction = authedAction(volunteerIdSchema, async ({ db, actor, input }) => {
  try {
    await eraseVolunteer(db, actor, input);
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/volunteers");
  redirect(`/volunteers/${input.volunteerId}?done=erased`);
});
