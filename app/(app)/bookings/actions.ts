"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/app/_lib/action";
import { cancelBooking, cancelBookingSchema } from "@/lib/bookings/cancel-booking";
import { approveBooking, decideBookingSchema, declineBooking } from "@/lib/bookings/decide-booking";
import { handoverSchema, recordHandover } from "@/lib/bookings/record-handover";
import { cancelSeries, cancelSeriesSchema } from "@/lib/bookings/recurring-bookings";
import {
  calendarFeedSchema,
  createCalendarFeed,
  revokeCalendarFeed,
  revokeCalendarFeedSchema,
} from "@/lib/calendar/feeds";

// Where a decision was taken: the dashboard row disappears after it, so the confirmation is shown there by the page.
const decisionSchema = decideBookingSchema.extend({ returnTo: z.enum(["dashboard", "booking"], "invalid").optional() });

const afterDecision = (bookingId: string, returnTo: string | undefined, done: "approved" | "declined") =>
  returnTo === "dashboard" ? `/dashboard?done=${done}&booking=${bookingId}` : `/bookings/${bookingId}?done=${done}`;

export const approveBookingAction = authedAction(decisionSchema, async ({ db, actor, input }) => {
  await approveBooking(db, actor, { bookingId: input.bookingId, note: input.note });
  revalidatePath("/", "layout");
  redirect(afterDecision(input.bookingId, input.returnTo, "approved"));
});

export const declineBookingAction = authedAction(decisionSchema, async ({ db, actor, input }) => {
  await declineBooking(db, actor, { bookingId: input.bookingId, note: input.note });
  revalidatePath("/", "layout");
  redirect(afterDecision(input.bookingId, input.returnTo, "declined"));
});

export const cancelBookingAction = authedAction(cancelBookingSchema, async ({ db, actor, input }) => {
  await cancelBooking(db, actor, input);
  revalidatePath("/", "layout");
  redirect(`/bookings/${input.bookingId}?done=cancelled`);
});

export const recordHandoverAction = authedAction(handoverSchema, async ({ db, actor, input }) => {
  await recordHandover(db, actor, input);
  revalidatePath(`/bookings/${input.bookingId}`);
  redirect(`/bookings/${input.bookingId}?done=${input.step}`);
});

// The page the series was cancelled from, to come back to it with the count.
const seriesSchema = cancelSeriesSchema.extend({ bookingId: z.uuid("not_found") });

export const cancelSeriesAction = authedAction(seriesSchema, async ({ db, actor, input }) => {
  const { cancelled } = await cancelSeries(db, actor, {
    seriesId: input.seriesId,
    fromBookingId: input.fromBookingId,
    note: input.note,
  });
  revalidatePath("/", "layout");
  redirect(`/bookings/${input.bookingId}?done=series_cancelled&count=${cancelled}`);
});

export const createCalendarFeedAction = authedAction(calendarFeedSchema, async ({ db, actor, input }) => {
  const feed = await createCalendarFeed(db, actor, input);
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host")}`;
  revalidatePath("/bookings");
  return {
    status: "success",
    message: (await getTranslations("feeds"))("created"),
    data: { id: feed.id, link: `${origin}${feed.path}.ics` },
  };
});

export const revokeCalendarFeedAction = authedAction(revokeCalendarFeedSchema, async ({ db, actor, input }) => {
  await revokeCalendarFeed(db, actor, input);
  revalidatePath("/bookings");
  return { status: "success", message: (await getTranslations("feeds"))("revoked") };
});
