"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/app/_lib/action";
import { markNotificationsRead } from "@/lib/notifications/list-notifications";

/** Only a path on this site. */
const safePath = (link: string | null) => (link && /^\/(?!\/)/.test(link) ? link : "/notifications");

export const openNotificationAction = authedAction(
  z.object({ id: z.uuid("not_found") }),
  async ({ db, actor, input }) => {
    const { link } = await markNotificationsRead(db, actor, input.id);
    revalidatePath("/", "layout");
    redirect(safePath(link));
  },
);

export const markAllReadAction = authedAction(z.object({}), async ({ db, actor }) => {
  await markNotificationsRead(db, actor);
  revalidatePath("/", "layout");
  return { status: "success", message: (await getTranslations("notificationsPage"))("allRead") };
});
