import { describe, expect, it } from "vitest";
import {
  MAX_REPORT_DAYS,
  periodDays,
  periodProblem,
  presetOf,
  presetPeriod,
  previousPeriod,
} from "@/lib/domain/report-period";

describe("report periods (local dates, both ends included)", () => {
  it("presets end yesterday and start the same date one, three or twelve months before today", () => {
    expect(presetPeriod("month", "2026-11-26")).toEqual({ from: "2026-10-26", to: "2026-11-25" });
    expect(presetPeriod("quarter", "2026-11-26")).toEqual({ from: "2026-08-26", to: "2026-11-25" });
    expect(presetPeriod("year", "2026-11-26")).toEqual({ from: "2025-11-26", to: "2026-11-25" });
    // Across a year end, and a day that the earlier month lacks (31 May − 3 months → 28 February).
    expect(presetPeriod("quarter", "2026-01-15")).toEqual({ from: "2025-10-15", to: "2026-01-14" });
    expect(presetPeriod("quarter", "2026-05-31")).toEqual({ from: "2026-02-28", to: "2026-05-30" });
    expect(presetPeriod("year", "2028-02-29")).toEqual({ from: "2027-02-28", to: "2028-02-28" });
    expect(() => presetPeriod("month", "26.11.2026")).toThrow(RangeError);
  });

  it("the previous period has the same number of days and ends the day before", () => {
    expect(previousPeriod({ from: "2026-08-26", to: "2026-11-25" })).toEqual({ from: "2026-05-26", to: "2026-08-25" });
    expect(periodDays({ from: "2026-08-26", to: "2026-11-25" })).toBe(92);
    expect(periodDays(previousPeriod({ from: "2026-08-26", to: "2026-11-25" }))).toBe(92);
    expect(previousPeriod({ from: "2026-03-29", to: "2026-03-29" })).toEqual({ from: "2026-03-28", to: "2026-03-28" });
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-01-29", to: "2026-02-28" });
  });

  it("names what is wrong with a period", () => {
    expect(periodProblem("2026-03-01", "2026-03-31")).toBeNull();
    expect(periodProblem("2026-03-01", "2026-03-01")).toBeNull();
    expect(periodProblem("2026-02-30", "2026-03-31")).toEqual({ field: "from", reason: "bad_date" });
    expect(periodProblem("2026-03-01", "")).toEqual({ field: "to", reason: "bad_date" });
    expect(periodProblem("2026-03-31", "2026-03-01")).toEqual({ field: "to", reason: "end_before_start" });
    expect(periodProblem("2020-01-01", "2026-01-01")).toEqual({ field: "to", reason: "range_too_long" });
    expect(periodDays({ from: "2024-01-01", to: "2026-12-31" })).toBeLessThanOrEqual(MAX_REPORT_DAYS);
  });

  it("recognises a preset period", () => {
    expect(presetOf({ from: "2026-08-26", to: "2026-11-25" }, "2026-11-26")).toBe("quarter");
    expect(presetOf({ from: "2026-08-27", to: "2026-11-25" }, "2026-11-26")).toBeNull();
  });
});
