"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/app/_lib/action";
import { addRateCard } from "@/lib/reports/add-rate-card";
import { markSpecialist } from "@/lib/reports/mark-specialist";
import { removeRateCard } from "@/lib/reports/remove-rate-card";

// The form sends text; the use-cases validate it with their own schemas (a ZodError names the wrong fields).
const text = z.string().optional().default("");

export const addRateCardAction = authedAction(
  z.object({ scope: text, amount: text, validFrom: text, source: text }),
  async ({ db, actor, input }) => {
    await addRateCard(db, actor, input);
    revalidatePath("/reports", "layout");
    return { status: "success", message: (await getTranslations("rateCards"))("added") };
  },
);

export const removeRateCardAction = authedAction(z.object({ rateCardId: text }), async ({ db, actor, input }) => {
  await removeRateCard(db, actor, input);
  revalidatePath("/reports", "layout");
  return { status: "success", message: (await getTranslations("rateCards"))("removed") };
});

export const markSpecialistAction = authedAction(
  z.object({ resourceId: text, specialist: z.string().optional() }),
  async ({ db, actor, input }) => {
    const result = await markSpecialist(db, actor, {
      resourceId: input.resourceId,
      specialist: input.specialist === "on",
    });
    revalidatePath("/reports", "layout");
    const t = await getTranslations("rateCards");
    return { status: "success", message: t(result.specialist ? "markedSpecialist" : "markedSimple") };
  },
);
