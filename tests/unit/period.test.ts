import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { durationHours, overlaps, type Period, parseRange, toRange } from "@/lib/domain/period";

const WARSAW = "Europe/Warsaw";
const at = (iso: string) => new Date(iso);
const period = (start: string, end: string): Period => ({ start: at(start), end: at(end) });

describe("toRange", () => {
  it("writes a half-open range of UTC ISO instants", () => {
    expect(toRange(period("2026-03-29T01:00:00Z", "2026-03-29T03:00:00Z"))).toBe(
      "[2026-03-29T01:00:00.000Z,2026-03-29T03:00:00.000Z)",
    );
  });

  it("keeps the instants of dates built in another time zone", () => {
    // TZDate#toISOString writes the zone's offset rather than `Z`; the instants must survive either way.
    const start = new TZDate(2026, 9, 25, 0, 0, WARSAW);
    const end = new TZDate(2026, 9, 25, 6, 0, WARSAW);
    const parsed = parseRange(toRange({ start, end }));
    expect(parsed.start.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(parsed.end.toISOString()).toBe("2026-10-25T05:00:00.000Z");
  });

  it("refuses an empty or reversed period", () => {
    const t = at("2026-05-01T10:00:00Z");
    expect(() => toRange({ start: t, end: t })).toThrow(RangeError);
    expect(() => toRange(period("2026-05-01T12:00:00Z", "2026-05-01T10:00:00Z"))).toThrow(RangeError);
  });

  it("refuses an invalid date", () => {
    expect(() => toRange({ start: new Date(Number.NaN), end: at("2026-05-01T10:00:00Z") })).toThrow(RangeError);
  });
});

describe("parseRange", () => {
  it("round-trips toRange", () => {
    const original = period("2026-03-29T00:30:00.250Z", "2026-03-29T04:15:00Z");
    const parsed = parseRange(toRange(original));
    expect(parsed.start.getTime()).toBe(original.start.getTime());
    expect(parsed.end.getTime()).toBe(original.end.getTime());
  });

  it("reads PostgreSQL's quoted output with +00 offsets", () => {
    const { start, end } = parseRange('["2026-03-29 01:00:00+00","2026-03-29 03:00:00+00")');
    expect(start.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(end.toISOString()).toBe("2026-03-29T03:00:00.000Z");
  });

  it("reads unquoted bounds with different offsets on each side (Warsaw, autumn change)", () => {
    const { start, end } = parseRange("[2026-10-25 00:00:00+02,2026-10-25 05:00:00+01)");
    expect(start.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(end.toISOString()).toBe("2026-10-25T04:00:00.000Z");
  });

  it("reads offsets with minutes and negative offsets", () => {
    const { start, end } = parseRange('["2026-01-01 10:00:00+05:30","2026-01-01 12:00:00-03")');
    expect(start.toISOString()).toBe("2026-01-01T04:30:00.000Z");
    expect(end.toISOString()).toBe("2026-01-01T15:00:00.000Z");
  });

  it("reads fractional seconds (to millisecond precision)", () => {
    const { start, end } = parseRange('["2026-03-29 01:00:00.123456+00","2026-03-29 03:00:00.5+00")');
    expect(start.toISOString()).toBe("2026-03-29T01:00:00.123Z");
    expect(end.toISOString()).toBe("2026-03-29T03:00:00.500Z");
  });

  it("tolerates surrounding whitespace", () => {
    const { start } = parseRange('  ["2026-03-29 01:00:00+00","2026-03-29 03:00:00+00")\n');
    expect(start.toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it.each([
    "",
    "garbage",
    "empty",
    '["2026-03-29 01:00:00+00",)',
    '[,"2026-03-29 01:00:00+00")',
    '["2026-03-29 01:00:00+00",infinity)',
    '[-infinity,"2026-03-29 01:00:00+00")',
    '("2026-03-29 01:00:00+00","2026-03-29 03:00:00+00")',
    '["2026-03-29 01:00:00+00","2026-03-29 03:00:00+00"]',
    '["not a date","2026-03-29 03:00:00+00")',
    '["2026-13-45 99:00:00+00","2026-03-29 03:00:00+00")',
  ])("rejects %j", (text) => {
    expect(() => parseRange(text)).toThrow(RangeError);
  });
});

describe("overlaps", () => {
  const morning = period("2026-05-04T08:00:00Z", "2026-05-04T10:00:00Z");

  it("is false for periods that only touch (half-open)", () => {
    const after = period("2026-05-04T10:00:00Z", "2026-05-04T12:00:00Z");
    const before = period("2026-05-04T06:00:00Z", "2026-05-04T08:00:00Z");
    expect(overlaps(morning, after)).toBe(false);
    expect(overlaps(after, morning)).toBe(false);
    expect(overlaps(morning, before)).toBe(false);
    expect(overlaps(before, morning)).toBe(false);
  });

  it("is true when periods share even one millisecond", () => {
    const late = period("2026-05-04T09:59:59.999Z", "2026-05-04T12:00:00Z");
    expect(overlaps(morning, late)).toBe(true);
    expect(overlaps(late, morning)).toBe(true);
  });

  it("is true for containment and identical periods", () => {
    const inner = period("2026-05-04T08:30:00Z", "2026-05-04T09:00:00Z");
    expect(overlaps(morning, inner)).toBe(true);
    expect(overlaps(inner, morning)).toBe(true);
    expect(overlaps(morning, { ...morning })).toBe(true);
  });

  it("is false for disjoint periods", () => {
    expect(overlaps(morning, period("2026-05-05T08:00:00Z", "2026-05-05T10:00:00Z"))).toBe(false);
  });
});

describe("durationHours", () => {
  it("counts an ordinary night by the wall clock", () => {
    const start = new TZDate(2026, 4, 4, 0, 0, WARSAW);
    const end = new TZDate(2026, 4, 4, 6, 0, WARSAW);
    expect(durationHours({ start, end })).toBe(6);
  });

  it("counts 7 real hours from local 00:00 to 06:00 on 25 October 2026 (clocks go back)", () => {
    const start = new TZDate(2026, 9, 25, 0, 0, WARSAW);
    const end = new TZDate(2026, 9, 25, 6, 0, WARSAW);
    expect(start.toISOString()).toBe("2026-10-25T00:00:00.000+02:00");
    expect(end.toISOString()).toBe("2026-10-25T06:00:00.000+01:00");
    expect(durationHours({ start, end })).toBe(7);
  });

  it("counts 5 real hours from local 00:00 to 06:00 on 29 March 2026 (clocks go forward)", () => {
    const start = new TZDate(2026, 2, 29, 0, 0, WARSAW);
    const end = new TZDate(2026, 2, 29, 6, 0, WARSAW);
    expect(start.toISOString()).toBe("2026-03-29T00:00:00.000+01:00");
    expect(end.toISOString()).toBe("2026-03-29T06:00:00.000+02:00");
    expect(durationHours({ start, end })).toBe(5);
  });

  it("gives fractions of an hour", () => {
    expect(durationHours(period("2026-05-04T08:00:00Z", "2026-05-04T09:30:00Z"))).toBe(1.5);
  });

  it("agrees with a range that went through PostgreSQL's text form", () => {
    expect(durationHours(parseRange("[2026-10-25 00:00:00+02,2026-10-25 06:00:00+01)"))).toBe(7);
  });
});
