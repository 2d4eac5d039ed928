import { describe, expect, it } from "vitest";
import type { Period } from "@/lib/domain/period";
import { expandRecurrence, type RecurrenceRule } from "@/lib/domain/recurrence";
import { localClock, localDate } from "@/lib/domain/wall-clock";

const utc = (ps: Period[]) =>
  ps.map((p) => `${p.start.toISOString().slice(0, 16)}/${p.end.toISOString().slice(11, 16)}`);
const dates = (ps: Period[]) => ps.map((p) => localDate(p.start));
const rule = (overrides: Partial<RecurrenceRule>): RecurrenceRule => ({
  frequency: "weekly",
  weekdays: [4],
  startDate: "2026-10-01",
  startTime: "18:00",
  endTime: "19:30",
  count: 6,
  ...overrides,
});

describe("expandRecurrence, weekly", () => {
  it("keeps Thursday 18:00–19:30 in Warsaw wall-clock time across the October change", () => {
    const occurrences = expandRecurrence(rule({}));
    expect(utc(occurrences)).toEqual([
      "2026-10-01T16:00/17:30",
      "2026-10-08T16:00/17:30",
      "2026-10-15T16:00/17:30",
      "2026-10-22T16:00/17:30",
      "2026-10-29T17:00/18:30",
      "2026-11-05T17:00/18:30",
    ]);
    expect(occurrences.every((p) => localClock(p.start) === "18:00" && localClock(p.end) === "19:30")).toBe(true);
  });

  it("keeps wall-clock time across the March change", () => {
    const occurrences = expandRecurrence(
      rule({ weekdays: [6, 7], startDate: "2026-03-28", startTime: "10:00", endTime: "12:00", count: 3 }),
    );
    expect(utc(occurrences)).toEqual(["2026-03-28T09:00/11:00", "2026-03-29T08:00/10:00", "2026-04-04T08:00/10:00"]);
  });

  it("starts from startDate within its week, in date order across weekdays", () => {
    const occurrences = expandRecurrence(rule({ weekdays: [3, 1], startDate: "2026-06-03", count: 3 }));
    expect(dates(occurrences)).toEqual(["2026-06-03", "2026-06-08", "2026-06-10"]);
  });

  it("treats until as inclusive", () => {
    const occurrences = expandRecurrence(rule({ count: undefined, until: "2026-10-22" }));
    expect(dates(occurrences)).toEqual(["2026-10-01", "2026-10-08", "2026-10-15", "2026-10-22"]);
    expect(expandRecurrence(rule({ count: undefined, until: "2026-09-30" }))).toEqual([]);
  });

  it("reads an end of 24:00 as the next midnight", () => {
    const [first] = expandRecurrence(
      rule({ weekdays: [6], startDate: "2026-10-24", startTime: "22:00", endTime: "24:00", count: 1 }),
    );
    expect(first.start.toISOString()).toBe("2026-10-24T20:00:00.000Z");
    expect(first.end.toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });

  it("skips an occurrence swallowed by the spring gap", () => {
    const occurrences = expandRecurrence(
      rule({ weekdays: [7], startDate: "2026-03-22", startTime: "02:00", endTime: "03:00", count: 3 }),
    );
    expect(dates(occurrences)).toEqual(["2026-03-22", "2026-04-05", "2026-04-12"]);
  });

  it("uses the given zone", () => {
    const [first] = expandRecurrence(rule({ count: 1 }), "Asia/Tokyo");
    expect(first.start.toISOString()).toBe("2026-10-01T09:00:00.000Z");
  });
});

describe("expandRecurrence, biweekly", () => {
  it("takes every second week counted from startDate's ISO week", () => {
    const occurrences = expandRecurrence(
      rule({ frequency: "biweekly", weekdays: [2, 4], startDate: "2026-06-04", count: 4 }),
    );
    expect(dates(occurrences)).toEqual(["2026-06-04", "2026-06-16", "2026-06-18", "2026-06-30"]);
  });

  it("keeps its rhythm across a year boundary", () => {
    const occurrences = expandRecurrence(
      rule({ frequency: "biweekly", weekdays: [1], startDate: "2026-12-28", count: 3 }),
    );
    expect(dates(occurrences)).toEqual(["2026-12-28", "2027-01-11", "2027-01-25"]);
  });
});

describe("expandRecurrence, monthly", () => {
  it("takes the n-th weekday of each month, n from startDate, in wall-clock time", () => {
    const occurrences = expandRecurrence(
      rule({ frequency: "monthly", weekdays: [2], startDate: "2026-01-13", count: undefined, until: "2026-04-30" }),
    );
    expect(utc(occurrences)).toEqual([
      "2026-01-13T17:00/18:30",
      "2026-02-10T17:00/18:30",
      "2026-03-10T17:00/18:30",
      "2026-04-14T16:00/17:30",
    ]);
  });

  it("skips months without a fifth such weekday", () => {
    const occurrences = expandRecurrence(
      rule({ frequency: "monthly", weekdays: [4], startDate: "2026-01-29", count: 3 }),
    );
    expect(dates(occurrences)).toEqual(["2026-01-29", "2026-04-30", "2026-07-30"]);
  });

  it("handles several weekdays, never before startDate", () => {
    const occurrences = expandRecurrence(
      rule({ frequency: "monthly", weekdays: [1, 3], startDate: "2026-06-10", count: 3 }),
    );
    expect(dates(occurrences)).toEqual(["2026-06-10", "2026-07-08", "2026-07-13"]);
  });
});

describe("expandRecurrence, limits and invalid rules", () => {
  it("allows exactly max occurrences and refuses more", () => {
    expect(expandRecurrence(rule({ count: 104 }))).toHaveLength(104);
    expect(() => expandRecurrence(rule({ count: 105 }))).toThrow("too_many_occurrences");
    expect(() => expandRecurrence(rule({ count: undefined, until: "2030-12-31" }))).toThrow("too_many_occurrences");
    expect(expandRecurrence(rule({ count: undefined, until: "2026-10-29" }), "Europe/Warsaw", 5)).toHaveLength(5);
    expect(() => expandRecurrence(rule({ count: undefined, until: "2026-11-05" }), "Europe/Warsaw", 5)).toThrow(
      RangeError,
    );
  });

  it.each<[string, Partial<RecurrenceRule>]>([
    ["no weekdays", { weekdays: [] }],
    ["a weekday out of range", { weekdays: [0 as 1] }],
    ["end equal to start", { endTime: "18:00" }],
    ["end before start", { endTime: "17:00" }],
    ["start at 24:00", { startTime: "24:00", endTime: "24:00" }],
    ["a malformed time", { startTime: "6pm" }],
    ["a malformed start date", { startDate: "2026-02-30" }],
    ["both until and count", { until: "2026-12-31", count: 3 }],
    ["neither until nor count", { count: undefined }],
    ["a count below 1", { count: 0 }],
    ["a fractional count", { count: 2.5 }],
    ["a malformed until", { count: undefined, until: "31.12.2026" }],
  ])("refuses %s", (_, overrides) => {
    expect(() => expandRecurrence(rule(overrides))).toThrow(RangeError);
  });
});
