"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { authedAction } from "@/app/_lib/action";
import type { FormState } from "@/app/_lib/form-state";
import { createBooking } from "@/lib/bookings/create-booking";
import { createRecurringBooking, previewRecurringBooking } from "@/lib/bookings/recurring-bookings";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { formatPeriod, periodParams } from "../_lib/local-time";
import { recurringInput, requestInput } from "./_lib/booking-inputs";

type Iso = { start: string | Date; end: string | Date };
const period = (p: Iso) => ({ start: new Date(p.start), end: new Date(p.end) });

export const requestBookingAction = authedAction(requestInput, async ({ db, actor, input }): Promise<FormState> => {
  const t = await getTranslations("bookingRequest");
  const locale = (await getLocale()) as Locale;
  const { idempotencyKey, ...booking } = input.input;
  try {
    const created = await createBooking(db, actor, booking, { idempotencyKey });
    revalidatePath(`/resources/${created.resourceId}`);
    return {
      status: "success",
      message: created.status === "approved" ? t("approved") : t("pending"),
      data: {
        bookingId: created.id,
        bookingStatus: created.status,
        when: formatPeriod(created.start, created.end, locale),
        // A new key for the next request from the same form; a repeated submit of this one reuses the old key.
        nextKey: randomUUID(),
      },
    };
  } catch (error) {
    if (!isAppError(error) || (error.code !== "conflict" && error.code !== "rule_violation")) throw error;
    if (error.code === "conflict") {
      const alternatives = ((error.details.alternatives as Iso[] | undefined) ?? []).map(period).map((p) => ({
        ...periodParams(p.start, p.end),
        label: formatPeriod(p.start, p.end, locale),
      }));
      return {
        status: "error",
        message: alternatives.length ? t("conflict") : t("conflictNoAlternatives"),
        values: input.form,
        data: { alternatives: JSON.stringify(alternatives) },
      };
    }
    return {
      status: "error",
      message: t("ruleViolation"),
      values: input.form,
      data: { violations: JSON.stringify(error.details.violations ?? []) },
    };
  }
});

export const previewRecurringAction = authedAction(recurringInput, async ({ db, actor, input }): Promise<FormState> => {
  const t = await getTranslations("recurringRequest");
  const locale = (await getLocale()) as Locale;
  const { occurrences } = await previewRecurringBooking(db, actor, input.input);
  const rows = occurrences.map((o) => ({
    label: formatPeriod(o.start, o.end, locale),
    state: o.state,
    reasons: o.violations,
  }));
  const free = rows.filter((r) => r.state === "free").length;
  return {
    status: "success",
    message: t("previewed", { count: rows.length, free }),
    data: { occurrences: JSON.stringify(rows), free, total: rows.length },
  };
});

export const createRecurringAction = authedAction(recurringInput, async ({ db, actor, input }): Promise<FormState> => {
  const t = await getTranslations("recurringRequest");
  const locale = (await getLocale()) as Locale;
  try {
    const result = await createRecurringBooking(db, actor, input.input);
    revalidatePath(`/resources/${input.input.resourceId}`);
    const skipped = result.skipped.map((s) => ({
      label: formatPeriod(new Date(s.start), new Date(s.end), locale),
      reasons: s.reason.split(",").filter(Boolean),
    }));
    return {
      status: "success",
      message: t("created", { count: result.created }),
      data: { seriesId: result.seriesId, created: result.created, skipped: JSON.stringify(skipped) },
    };
  } catch (error) {
    if (!isAppError(error) || error.code !== "conflict") throw error;
    // Say why each blocked date is blocked: the same check as the preview, as of now.
    const { occurrences } = await previewRecurringBooking(db, actor, input.input);
    const blocked = occurrences
      .filter((o) => o.state !== "free")
      .map((o) => ({
        label: formatPeriod(o.start, o.end, locale),
        reasons: o.state === "conflict" ? ["conflict"] : o.violations,
      }));
    return {
      status: "error",
      message: input.input.mode === "all_or_nothing" ? t("allOrNothingFailed") : t("nothingFree"),
      data: { blocked: JSON.stringify(blocked) },
    };
  }
});
