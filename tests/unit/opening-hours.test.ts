import { describe, expect, it } from "vitest";
import { isOpenThroughout, openIntervals, validateWeeklyHours } from "@/lib/domain/opening-hours";
import { durationHours, type Period } from "@/lib/domain/period";
import type { WeeklyInterval } from "@/lib/domain/types";

const period = (start: string, end: string): Period => ({ start: new Date(start), end: new Date(end) });
const show = (ps: Period[]) => ps.map((p) => `${p.start.toISOString()}/${p.end.toISOString()}`);
const every = (start: string, end: string): WeeklyInterval[] =>
  ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, start, end }));

describe("openIntervals", () => {
  it("treats empty hours as always open", () => {
    const window = period("2026-05-01T00:00:00Z", "2026-05-03T00:00:00Z");
    expect(show(openIntervals([], window))).toEqual(show([window]));
  });

  it("keeps 08:00–16:00 in wall-clock time on both sides of the spring change", () => {
    const open = openIntervals(every("08:00", "16:00"), period("2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z"));
    expect(show(open)).toEqual([
      "2026-03-28T07:00:00.000Z/2026-03-28T15:00:00.000Z",
      "2026-03-29T06:00:00.000Z/2026-03-29T14:00:00.000Z",
    ]);
    expect(open.map(durationHours)).toEqual([8, 8]);
  });

  it("keeps 08:00–16:00 in wall-clock time on both sides of the autumn change", () => {
    const open = openIntervals(every("08:00", "16:00"), period("2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z"));
    expect(show(open)).toEqual([
      "2026-10-24T06:00:00.000Z/2026-10-24T14:00:00.000Z",
      "2026-10-25T07:00:00.000Z/2026-10-25T15:00:00.000Z",
    ]);
  });

  it("joins a night over midnight into one interval, 9 real hours in October and 7 in March", () => {
    const night: WeeklyInterval[] = [
      { weekday: 6, start: "22:00", end: "24:00" },
      { weekday: 7, start: "00:00", end: "06:00" },
    ];
    const october = openIntervals(night, period("2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z"));
    expect(show(october)).toEqual(["2026-10-24T20:00:00.000Z/2026-10-25T05:00:00.000Z"]);
    expect(durationHours(october[0])).toBe(9);
    const march = openIntervals(night, period("2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z"));
    expect(show(march)).toEqual(["2026-03-28T21:00:00.000Z/2026-03-29T04:00:00.000Z"]);
    expect(durationHours(march[0])).toBe(7);
  });

  it("joins Mon 16:00–24:00 and Tue 00:00–08:00, and merges overlapping intervals", () => {
    const hours: WeeklyInterval[] = [
      { weekday: 1, start: "16:00", end: "24:00" },
      { weekday: 2, start: "00:00", end: "08:00" },
      { weekday: 3, start: "09:00", end: "12:00" },
      { weekday: 3, start: "12:00", end: "14:00" },
    ];
    const open = openIntervals(hours, period("2026-06-01T00:00:00Z", "2026-06-04T00:00:00Z"));
    expect(show(open)).toEqual([
      "2026-06-01T14:00:00.000Z/2026-06-02T06:00:00.000Z",
      "2026-06-03T07:00:00.000Z/2026-06-03T12:00:00.000Z",
    ]);
  });

  it("clips the merged night to a window inside it", () => {
    // Monday 23:00 to Tuesday 07:00 Warsaw time.
    const hours: WeeklyInterval[] = [
      { weekday: 1, start: "16:00", end: "24:00" },
      { weekday: 2, start: "00:00", end: "08:00" },
    ];
    const open = openIntervals(hours, period("2026-06-01T21:00:00Z", "2026-06-02T05:00:00Z"));
    expect(show(open)).toEqual(["2026-06-01T21:00:00.000Z/2026-06-02T05:00:00.000Z"]);
  });

  it("returns nothing when closed all window long or for an empty window", () => {
    const weekdaysOnly = every("08:00", "16:00").filter((h) => h.weekday <= 5);
    expect(openIntervals(weekdaysOnly, period("2026-06-06T00:00:00Z", "2026-06-07T20:00:00Z"))).toEqual([]);
    const t = "2026-06-01T10:00:00Z";
    expect(openIntervals([], period(t, t))).toEqual([]);
  });

  it("uses the given zone", () => {
    const open = openIntervals(
      every("09:00", "17:00"),
      period("2026-06-01T00:00:00Z", "2026-06-01T23:00:00Z"),
      "Asia/Tokyo",
    );
    expect(show(open)).toEqual(["2026-06-01T00:00:00.000Z/2026-06-01T08:00:00.000Z"]);
  });
});

describe("isOpenThroughout", () => {
  const hours: WeeklyInterval[] = [
    { weekday: 6, start: "22:00", end: "24:00" },
    { weekday: 7, start: "00:00", end: "06:00" },
    { weekday: 1, start: "08:00", end: "12:00" },
  ];

  it("accepts a period across midnight inside one merged night", () => {
    expect(isOpenThroughout(hours, period("2026-10-24T21:00:00Z", "2026-10-25T05:00:00Z"))).toBe(true);
  });

  it("refuses a period that sticks out or spans a closed gap", () => {
    expect(isOpenThroughout(hours, period("2026-10-24T19:00:00Z", "2026-10-24T21:00:00Z"))).toBe(false);
    expect(isOpenThroughout(hours, period("2026-10-25T04:00:00Z", "2026-10-26T08:00:00Z"))).toBe(false);
    expect(isOpenThroughout(hours, period("2026-10-25T05:00:00Z", "2026-10-25T06:00:00Z"))).toBe(false);
  });

  it("is always true for empty hours and false for an empty period", () => {
    expect(isOpenThroughout([], period("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))).toBe(true);
    expect(isOpenThroughout([], period("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("validateWeeklyHours", () => {
  it("accepts good hours, touching intervals and 24:00", () => {
    expect(validateWeeklyHours([])).toBeNull();
    expect(
      validateWeeklyHours([
        { weekday: 1, start: "08:00", end: "12:00" },
        { weekday: 1, start: "12:00", end: "24:00" },
        { weekday: 2, start: "00:00", end: "06:00" },
      ]),
    ).toBeNull();
  });

  it("reports bad times", () => {
    expect(validateWeeklyHours([{ weekday: 1, start: "8:00", end: "12:00" }])).toBe("bad_time");
    expect(validateWeeklyHours([{ weekday: 1, start: "24:00", end: "24:00" }])).toBe("bad_time");
    expect(validateWeeklyHours([{ weekday: 1, start: "08:00", end: "24:30" }])).toBe("bad_time");
    expect(validateWeeklyHours([{ weekday: 8 as 1, start: "08:00", end: "12:00" }])).toBe("bad_time");
  });

  it("reports an end not after its start", () => {
    expect(validateWeeklyHours([{ weekday: 3, start: "12:00", end: "08:00" }])).toBe("end_before_start");
    expect(validateWeeklyHours([{ weekday: 3, start: "12:00", end: "12:00" }])).toBe("end_before_start");
  });

  it("reports overlaps on one weekday only", () => {
    expect(
      validateWeeklyHours([
        { weekday: 4, start: "10:00", end: "14:00" },
        { weekday: 4, start: "08:00", end: "10:30" },
      ]),
    ).toBe("overlap");
    expect(
      validateWeeklyHours([
        { weekday: 4, start: "08:00", end: "14:00" },
        { weekday: 5, start: "08:00", end: "14:00" },
      ]),
    ).toBeNull();
  });
});
