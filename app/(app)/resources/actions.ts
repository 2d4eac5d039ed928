"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/app/_lib/action";
import type { FormState } from "@/app/_lib/form-state";
import { isAppError } from "@/lib/errors";
import { archiveResource } from "@/lib/resources/archive-resource";
import { createResource } from "@/lib/resources/create-resource";
import { addBlackout, removeBlackout, removeBlackoutSchema } from "@/lib/resources/manage-blackouts";
import { updateResource } from "@/lib/resources/update-resource";
import { archiveInput, blackoutInput, resourceInput, updateInput } from "./_lib/action-schemas";

export const createResourceAction = authedAction(resourceInput, async ({ db, actor, input }) => {
  const created = await createResource(db, actor, input.input);
  revalidatePath("/resources");
  redirect(`/resources/${created.id}?done=created`);
});

export const updateResourceAction = authedAction(updateInput, async ({ db, actor, input }): Promise<FormState> => {
  try {
    await updateResource(db, actor, { resourceId: input.resourceId, ...input.input });
  } catch (error) {
    // Fewer units or a longer break than the bookings already made need: say so at the field that was changed.
    if (!isAppError(error) || error.code !== "conflict" || error.details.reason !== "booked_units") throw error;
    const t = await getTranslations("resourceForm");
    const field = error.details.field === "quantity" ? "quantity" : "bufferMinutes";
    return {
      status: "error",
      message: t("bookedUnitsMessage"),
      fieldErrors: { [field]: t(field === "quantity" ? "bookedUnits" : "bookedBuffer") },
      values: input.form,
    };
  }
  revalidatePath("/resources", "layout");
  redirect(`/resources/${input.resourceId}?done=saved`);
});

export const archiveResourceAction = authedAction(archiveInput, async ({ db, actor, input }) => {
  await archiveResource(db, actor, input);
  revalidatePath("/resources", "layout");
  redirect(`/resources/${input.resourceId}?done=archived`);
});

export const addBlackoutAction = authedAction(blackoutInput, async ({ db, actor, input }) => {
  const blackout = await addBlackout(db, actor, input.input);
  revalidatePath(`/resources/${blackout.resourceId}`, "layout");
  const t = await getTranslations("blackouts");
  return {
    status: "success",
    message: blackout.affectedBookings ? t("addedWithBookings", { count: blackout.affectedBookings }) : t("added"),
  };
});

export const removeBlackoutAction = authedAction(removeBlackoutSchema, async ({ db, actor, input }) => {
  await removeBlackout(db, actor, input);
  revalidatePath("/resources", "layout");
  return { status: "success", message: (await getTranslations("blackouts"))("removed") };
});
