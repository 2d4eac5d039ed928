import { describe, expect, it } from "vitest";
import { checkBookingRules } from "@/lib/domain/booking-rules";
import type { Period } from "@/lib/domain/period";
import type { BookingRules, WeeklyInterval } from "@/lib/domain/types";
import { localInstant } from "@/lib/domain/wall-clock";

const now = new Date("2026-10-20T10:00:00Z"); // Tuesday 12:00 CEST
const at = (iso: string) => new Date(iso);
const p = (start: string, end: string): Period => ({ start: at(start), end: at(end) });
const noLimits: BookingRules = {
  quantity: 1,
  minMinutes: null,
  maxMinutes: null,
  leadMinutes: null,
  horizonDays: null,
  bufferMinutes: 0,
};
const check = (period: Period, extra: Partial<Parameters<typeof checkBookingRules>[0]> = {}) =>
  checkBookingRules({ period, quantity: 1, now, rules: noLimits, hours: [], blackouts: [], ...extra });
const weekdays = (start: string, end: string): WeeklyInterval[] =>
  ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start, end }));

describe("checkBookingRules", () => {
  it("accepts a plain booking", () => {
    expect(check(p("2026-10-21T08:00:00Z", "2026-10-21T10:00:00Z"))).toEqual([]);
  });

  it("measures a night over the October change in real minutes (7 h, not 6)", () => {
    const night = { start: localInstant("2026-10-25", "00:00"), end: localInstant("2026-10-25", "06:00") };
    expect(night.end.getTime() - night.start.getTime()).toBe(420 * 60_000);
    expect(check(night, { rules: { ...noLimits, maxMinutes: 420 } })).toEqual([]);
    expect(check(night, { rules: { ...noLimits, maxMinutes: 360 } })).toEqual(["too_long"]);
  });

  it("measures a night over the March change in real minutes (5 h, not 6)", () => {
    const now = new Date("2026-03-20T10:00:00Z");
    const night = { start: localInstant("2026-03-29", "00:00"), end: localInstant("2026-03-29", "06:00") };
    expect(check(night, { now, rules: { ...noLimits, minMinutes: 300 } })).toEqual([]);
    expect(check(night, { now, rules: { ...noLimits, minMinutes: 360 } })).toEqual(["too_short"]);
  });

  it("reports an empty, reversed or fractional-minute period as invalid only", () => {
    expect(check(p("2026-10-21T08:00:00Z", "2026-10-21T08:00:00Z"))).toEqual(["invalid_period"]);
    expect(check(p("2026-10-21T09:00:00Z", "2026-10-21T08:00:00Z"))).toEqual(["invalid_period"]);
    expect(check(p("2026-10-21T08:00:30Z", "2026-10-21T09:00:00Z"))).toEqual(["invalid_period"]);
    expect(check(p("2026-10-21T08:00:00Z", "2026-10-21T09:00:00.001Z"))).toEqual(["invalid_period"]);
    expect(check(p("2026-10-19T09:00:00Z", "2026-10-19T08:00:00Z"), { quantity: 0 })).toEqual([
      "invalid_period",
      "too_many_units",
    ]);
  });

  it("checks minimum and maximum length", () => {
    const rules = { ...noLimits, minMinutes: 60, maxMinutes: 120 };
    expect(check(p("2026-10-21T08:00:00Z", "2026-10-21T08:59:00Z"), { rules })).toEqual(["too_short"]);
    expect(check(p("2026-10-21T08:00:00Z", "2026-10-21T09:00:00Z"), { rules })).toEqual([]);
    expect(check(p("2026-10-21T08:00:00Z", "2026-10-21T10:00:00Z"), { rules })).toEqual([]);
    expect(check(p("2026-10-21T08:00:00Z", "2026-10-21T10:01:00Z"), { rules })).toEqual(["too_long"]);
  });

  it("checks the past and the lead time against the given now", () => {
    const rules = { ...noLimits, leadMinutes: 120 };
    expect(check(p("2026-10-20T09:59:00Z", "2026-10-20T11:00:00Z"))).toEqual(["in_past"]);
    expect(check(p("2026-10-20T10:00:00Z", "2026-10-20T11:00:00Z"))).toEqual([]);
    expect(check(p("2026-10-20T11:59:00Z", "2026-10-20T13:00:00Z"), { rules })).toEqual(["too_soon"]);
    expect(check(p("2026-10-20T12:00:00Z", "2026-10-20T13:00:00Z"), { rules })).toEqual([]);
    expect(check(p("2026-10-20T09:00:00Z", "2026-10-20T11:00:00Z"), { rules })).toEqual(["in_past", "too_soon"]);
  });

  it("counts the horizon in calendar days of Warsaw, across the October change", () => {
    // now is 12:00 CEST on 20 Oct; 30 days later is 12:00 CET on 19 Nov = 11:00Z (30×24 h would be 10:00Z).
    const rules = { ...noLimits, horizonDays: 30 };
    expect(check(p("2026-11-19T11:00:00Z", "2026-11-19T12:00:00Z"), { rules })).toEqual([]);
    expect(check(p("2026-11-19T11:01:00Z", "2026-11-19T12:00:00Z"), { rules })).toEqual(["too_far"]);
  });

  it("checks opening hours in wall-clock time on both sides of the March change", () => {
    const hours = weekdays("08:00", "16:00");
    const now = new Date("2026-03-20T10:00:00Z");
    // Friday 27 March (CET): 08:00–16:00 local = 07:00Z–15:00Z; Monday 30 March (CEST) = 06:00Z–14:00Z.
    expect(check(p("2026-03-27T07:00:00Z", "2026-03-27T15:00:00Z"), { now, hours })).toEqual([]);
    expect(check(p("2026-03-30T06:00:00Z", "2026-03-30T14:00:00Z"), { now, hours })).toEqual([]);
    expect(check(p("2026-03-30T07:00:00Z", "2026-03-30T15:00:00Z"), { now, hours })).toEqual(["closed"]);
    expect(check(p("2026-03-28T07:00:00Z", "2026-03-28T08:00:00Z"), { now, hours })).toEqual(["closed"]);
  });

  it("accepts a night over midnight made of two touching intervals", () => {
    const hours: WeeklyInterval[] = [
      { weekday: 6, start: "22:00", end: "24:00" },
      { weekday: 7, start: "00:00", end: "06:00" },
    ];
    expect(check(p("2026-10-24T20:00:00Z", "2026-10-25T05:00:00Z"), { hours })).toEqual([]);
    expect(check(p("2026-10-24T20:00:00Z", "2026-10-25T05:15:00Z"), { hours })).toEqual(["closed"]);
  });

  it("reports an overlapping blackout, not a touching one", () => {
    const blackouts = [p("2026-10-21T10:00:00Z", "2026-10-21T12:00:00Z")];
    expect(check(p("2026-10-21T09:00:00Z", "2026-10-21T10:00:00Z"), { blackouts })).toEqual([]);
    expect(check(p("2026-10-21T09:00:00Z", "2026-10-21T10:01:00Z"), { blackouts })).toEqual(["blackout"]);
  });

  it("checks the number of units", () => {
    const rules = { ...noLimits, quantity: 20 };
    const period = p("2026-10-21T09:00:00Z", "2026-10-21T10:00:00Z");
    expect(check(period, { rules, quantity: 20 })).toEqual([]);
    expect(check(period, { rules, quantity: 21 })).toEqual(["too_many_units"]);
    expect(check(period, { rules, quantity: 0 })).toEqual(["too_many_units"]);
    expect(check(period, { rules, quantity: 1.5 })).toEqual(["too_many_units"]);
  });

  it("lists every violation in the documented order", () => {
    const rules = { ...noLimits, minMinutes: 60, maxMinutes: 90, leadMinutes: 60, horizonDays: 7 };
    const hours = weekdays("14:00", "16:00");
    const blackouts = [
      p("2026-10-20T09:00:00Z", "2026-10-20T09:10:00Z"),
      p("2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z"),
    ];
    expect(check(p("2026-10-20T09:00:00Z", "2026-10-20T09:15:00Z"), { rules, hours, blackouts, quantity: 2 })).toEqual([
      "in_past",
      "too_short",
      "too_soon",
      "closed",
      "blackout",
      "too_many_units",
    ]);
    expect(check(p("2026-11-02T08:00:00Z", "2026-11-02T12:00:00Z"), { rules, hours, blackouts, quantity: 2 })).toEqual([
      "too_long",
      "too_far",
      "closed",
      "blackout",
      "too_many_units",
    ]);
  });
});
