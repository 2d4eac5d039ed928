"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/app/_lib/action";
import { addResourcePhoto } from "@/lib/photos/add-resource-photo";
import { removeResourcePhoto } from "@/lib/photos/remove-resource-photo";

/** The upload form; the use-case checks the bytes, the text alternative and who may add. */
const addPhotoForm = z.object({
  resourceId: z.string(),
  alt: z.string().default(""),
  file: z.instanceof(File).optional(),
});

const removePhotoForm = z.object({ photoId: z.string() });

export const addPhotoAction = authedAction(addPhotoForm, async ({ db, actor, input }) => {
  // An empty file input sends an empty File: the use-case answers "choose a file" for no bytes.
  const bytes = input.file ? new Uint8Array(await input.file.arrayBuffer()) : new Uint8Array();
  await addResourcePhoto(db, actor, { resourceId: input.resourceId, alt: input.alt, file: bytes });
  revalidatePath(`/resources/${input.resourceId}`, "layout");
  return { status: "success", message: (await getTranslations("photos.manage"))("added") };
});

export const removePhotoAction = authedAction(removePhotoForm, async ({ db, actor, input }) => {
  const removed = await removeResourcePhoto(db, actor, { photoId: input.photoId });
  revalidatePath(`/resources/${removed.resourceId}`, "layout");
  return { status: "success", message: (await getTranslations("photos.manage"))("removed") };
});
