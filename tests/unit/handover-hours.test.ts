import { describe, expect, it } from "vitest";
import { checkBookingRules } from "@/lib/domain/booking-rules";
import { isOpenAtHandover, isOpenForBooking } from "@/lib/domain/opening-hours";
import type { BookingRules, WeeklyInterval } from "@/lib/domain/types";
import { localInstant } from "@/lib/domain/wall-clock";

// A store open on weekdays 09:00–17:00, closed at weekends.
const weekdays: WeeklyInterval[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
  weekday,
  start: "09:00",
  end: "17:00",
}));
const at = (date: string, time: string) => localInstant(date, time);
// 2026-12-04 is a Friday, 2026-12-07 a Monday.
const weekendLoan = { start: at("2026-12-04", "15:00"), end: at("2026-12-07", "10:00") };

describe("equipment is handed over in opening hours and kept in between", () => {
  it("accepts a loan over a closed weekend when pick-up and return are in opening hours", () => {
    expect(isOpenAtHandover(weekdays, weekendLoan)).toBe(true);
    expect(isOpenForBooking(weekdays, weekendLoan, "throughout")).toBe(false);
    expect(isOpenForBooking(weekdays, weekendLoan, "handover")).toBe(true);
  });

  it("refuses a pick-up or a return while closed; a return exactly at closing time is fine", () => {
    expect(isOpenAtHandover(weekdays, { start: at("2026-12-05", "10:00"), end: at("2026-12-07", "10:00") })).toBe(
      false,
    );
    expect(isOpenAtHandover(weekdays, { start: at("2026-12-04", "15:00"), end: at("2026-12-07", "08:00") })).toBe(
      false,
    );
    expect(isOpenAtHandover(weekdays, { start: at("2026-12-04", "15:00"), end: at("2026-12-04", "17:00") })).toBe(true);
    // Picking up at closing time is not possible: nobody is there after 17:00.
    expect(isOpenAtHandover(weekdays, { start: at("2026-12-04", "17:00"), end: at("2026-12-07", "10:00") })).toBe(
      false,
    );
  });

  it("treats no hours as always open, and an empty period as nothing", () => {
    expect(isOpenAtHandover([], weekendLoan)).toBe(true);
    expect(isOpenAtHandover(weekdays, { start: weekendLoan.end, end: weekendLoan.start })).toBe(false);
  });

  it("is what the booking rules use when the rules say so", () => {
    const base: BookingRules = {
      quantity: 120,
      minMinutes: null,
      maxMinutes: null,
      leadMinutes: null,
      horizonDays: null,
      bufferMinutes: 0,
    };
    const check = (rules: BookingRules) =>
      checkBookingRules({
        period: weekendLoan,
        quantity: 10,
        now: at("2026-11-26", "12:00"),
        rules,
        hours: weekdays,
        blackouts: [],
      });
    expect(check(base)).toEqual(["closed"]);
    expect(check({ ...base, hoursApply: "handover" })).toEqual([]);
  });
});
