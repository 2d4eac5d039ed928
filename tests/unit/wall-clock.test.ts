import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  daysBetween,
  isLocalDate,
  localClock,
  localDate,
  localInstant,
  localWeekday,
  parseClock,
  TIME_ZONE,
  weekdayOfDate,
} from "@/lib/domain/wall-clock";

const iso = (d: Date) => d.toISOString();
const at = (s: string) => new Date(s);

describe("parseClock", () => {
  it("reads HH:MM as minutes since midnight, 24:00 as 1440", () => {
    expect(parseClock("00:00")).toBe(0);
    expect(parseClock("08:30")).toBe(510);
    expect(parseClock("23:59")).toBe(1439);
    expect(parseClock("24:00")).toBe(1440);
  });

  it.each(["24:01", "25:00", "8:00", "08:60", "0800", "", "08:00:00", " 08:00", "ab:cd"])("refuses %j", (text) => {
    expect(() => parseClock(text)).toThrow(RangeError);
  });
});

describe("localInstant", () => {
  it("defaults to Europe/Warsaw", () => {
    expect(TIME_ZONE).toBe("Europe/Warsaw");
    expect(iso(localInstant("2026-01-15", "12:00"))).toBe("2026-01-15T11:00:00.000Z");
    expect(iso(localInstant("2026-07-15", "12:00"))).toBe("2026-07-15T10:00:00.000Z");
  });

  it("reads 24:00 as the next day's midnight", () => {
    expect(iso(localInstant("2026-10-24", "24:00"))).toBe(iso(localInstant("2026-10-25", "00:00")));
    expect(iso(localInstant("2026-12-31", "24:00"))).toBe("2026-12-31T23:00:00.000Z");
  });

  it("moves a time skipped in spring forward by the gap", () => {
    // 2026-03-29: 02:00 CET jumps to 03:00 CEST.
    expect(iso(localInstant("2026-03-29", "01:59"))).toBe("2026-03-29T00:59:00.000Z");
    expect(iso(localInstant("2026-03-29", "02:00"))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(localInstant("2026-03-29", "02:30"))).toBe("2026-03-29T01:30:00.000Z");
    expect(localClock(localInstant("2026-03-29", "02:30"))).toBe("03:30");
    expect(iso(localInstant("2026-03-29", "03:00"))).toBe("2026-03-29T01:00:00.000Z");
  });

  it("takes the first (summer-time) occurrence of a time repeated in autumn", () => {
    // 2026-10-25: 03:00 CEST falls back to 02:00 CET, so 02:00–02:59 happen twice.
    expect(iso(localInstant("2026-10-25", "02:30"))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(localInstant("2026-10-25", "02:00"))).toBe("2026-10-25T00:00:00.000Z");
    expect(iso(localInstant("2026-10-25", "03:00"))).toBe("2026-10-25T02:00:00.000Z");
  });

  it("works in other zones", () => {
    expect(iso(localInstant("2026-03-08", "02:30", "America/New_York"))).toBe("2026-03-08T07:30:00.000Z");
    expect(iso(localInstant("2026-11-01", "01:30", "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
    expect(iso(localInstant("2026-06-01", "09:00", "Asia/Tokyo"))).toBe("2026-06-01T00:00:00.000Z");
  });

  it("refuses impossible dates, bad times and unknown zones", () => {
    expect(() => localInstant("2026-02-30", "08:00")).toThrow(RangeError);
    expect(() => localInstant("2026-2-3", "08:00")).toThrow(RangeError);
    expect(() => localInstant("2026-02-03", "8:00")).toThrow(RangeError);
    expect(() => localInstant("2026-02-03", "08:00", "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("localDate, localWeekday, localClock", () => {
  it("read the Warsaw wall clock whatever the process zone", () => {
    const lateSaturdayUtc = at("2026-10-24T22:30:00Z"); // Sunday 00:30 CEST in Warsaw
    expect(localDate(lateSaturdayUtc)).toBe("2026-10-25");
    expect(localWeekday(lateSaturdayUtc)).toBe(7);
    expect(localClock(lateSaturdayUtc)).toBe("00:30");
  });

  it("show both passes through the repeated autumn hour", () => {
    expect(localClock(at("2026-10-25T00:30:00Z"))).toBe("02:30");
    expect(localClock(at("2026-10-25T01:30:00Z"))).toBe("02:30");
    expect(localClock(at("2026-10-25T02:00:00Z"))).toBe("03:00");
  });

  it("honour an explicit zone", () => {
    const instant = at("2026-06-01T16:00:00Z");
    expect(localDate(instant, "Asia/Tokyo")).toBe("2026-06-02");
    expect(localWeekday(instant, "Asia/Tokyo")).toBe(2);
    expect(localClock(instant, "Asia/Tokyo")).toBe("01:00");
    expect(localWeekday(instant)).toBe(1);
  });

  it("round-trip with localInstant", () => {
    for (const [date, clock] of [
      ["2026-03-28", "23:15"],
      ["2026-03-29", "04:00"],
      ["2026-10-25", "01:45"],
      ["2026-10-25", "05:00"],
    ]) {
      const instant = localInstant(date, clock);
      expect(localDate(instant)).toBe(date);
      expect(localClock(instant)).toBe(clock);
    }
  });
});

describe("calendar arithmetic", () => {
  it("adds days across month, year and DST boundaries", () => {
    expect(addLocalDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addLocalDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addLocalDays("2026-10-25", -1)).toBe("2026-10-24");
    expect(addLocalDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addLocalDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addLocalDays("2026-05-10", 0)).toBe("2026-05-10");
    expect(() => addLocalDays("2026-05-10", 0.5)).toThrow(RangeError);
  });

  it("counts days and names weekdays without any zone", () => {
    expect(daysBetween("2026-03-01", "2026-04-01")).toBe(31);
    expect(daysBetween("2026-10-26", "2026-10-20")).toBe(-6);
    expect(weekdayOfDate("2026-03-29")).toBe(7);
    expect(weekdayOfDate("2026-10-26")).toBe(1);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2028-02-29")).toBe(true);
  });
});
