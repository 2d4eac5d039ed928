"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/app/_lib/action";
import { createApiToken, createApiTokenSchema, revokeApiToken, revokeApiTokenSchema } from "@/lib/auth/api-tokens";

export const createApiTokenAction = authedAction(createApiTokenSchema, async ({ db, actor, input }) => {
  const created = await createApiToken(db, actor, input);
  revalidatePath("/settings/api-tokens");
  return {
    status: "success",
    message: (await getTranslations("apiTokens"))("created", { name: created.name }),
    // The secret travels to the browser once, in this answer; only its hash is stored.
    data: { id: created.id, secret: created.token },
  };
});

export const revokeApiTokenAction = authedAction(revokeApiTokenSchema, async ({ db, actor, input }) => {
  await revokeApiToken(db, actor, input);
  revalidatePath("/settings/api-tokens");
  return { status: "success", message: (await getTranslations("apiTokens"))("revoked") };
});
