/**
 * Every date is shown in Europe/Warsaw wall-clock time, whatever the server's TZ. Besides switching
 * `process.env.TZ` inside this file (Node applies it at runtime), CI reruns the unit tests under other zones:
 *   TZ=America/New_York npx vitest run tests/unit
 *   TZ=Asia/Kolkata npx vitest run tests/unit
 * (checked locally with TZ=America/New_York and TZ=Pacific/Kiritimati as well).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatTimeRange } from "@/lib/i18n/format";

const NBSP = 0x00a0;
const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0));

function assertions() {
  it("shows summer time after the clocks went forward: 06:00Z on 28 March 2027 is 08:00", () => {
    expect(formatDateTime(new Date("2027-03-28T06:00:00Z"), "pl")).toBe("28 marca 2027, 08:00");
    expect(formatDateTime(new Date("2027-03-28T06:00:00Z"), "en")).toBe("28 March 2027, 08:00");
  });

  it("shows winter time (UTC+1) in January", () => {
    expect(formatDateTime(new Date("2027-01-15T06:00:00Z"), "pl")).toBe("15 stycznia 2027, 07:00");
    expect(formatDateTime(new Date("2027-01-15T06:00:00Z"), "en")).toBe("15 January 2027, 07:00");
  });

  it("jumps from 01:59 to 03:00 at the spring change and repeats 02:00–02:59 in autumn", () => {
    expect(formatDateTime(new Date("2027-03-28T00:59:00Z"), "pl")).toBe("28 marca 2027, 01:59");
    expect(formatDateTime(new Date("2027-03-28T01:00:00Z"), "pl")).toBe("28 marca 2027, 03:00");
    expect(formatDateTime(new Date("2027-10-31T00:30:00Z"), "pl")).toBe("31 października 2027, 02:30");
    expect(formatDateTime(new Date("2027-10-31T01:30:00Z"), "pl")).toBe("31 października 2027, 02:30");
  });

  it("gives the Polish weekday and the genitive month", () => {
    expect(formatDate(new Date("2027-03-28T06:00:00Z"), "pl")).toBe("niedziela, 28 marca 2027");
    expect(formatDate(new Date("2027-03-27T12:00:00Z"), "pl")).toBe("sobota, 27 marca 2027");
    expect(formatDate(new Date("2027-03-28T06:00:00Z"), "en")).toBe("Sunday, 28 March 2027");
  });

  it("takes the day from Warsaw, not from UTC or the server", () => {
    // 23:30Z on Saturday is already 00:30 on Sunday in Warsaw (and still Saturday evening in New York).
    expect(formatDate(new Date("2027-03-27T23:30:00Z"), "pl")).toBe("niedziela, 28 marca 2027");
    expect(formatDateTime(new Date("2027-03-27T23:30:00Z"), "pl")).toBe("28 marca 2027, 00:30");
  });

  it("formats a time range in Warsaw time with an en dash", () => {
    const range = formatTimeRange(new Date("2027-07-01T06:00:00Z"), new Date("2027-07-01T08:00:00Z"));
    expect(range).toBe("08:00\u201310:00");
    expect(codePoints(range)[5]).toBe(0x2013);
  });

  it("formats a time range across the spring change", () => {
    expect(formatTimeRange(new Date("2027-03-28T00:30:00Z"), new Date("2027-03-28T01:30:00Z"))).toBe(
      "01:30\u201303:30",
    );
  });

  it("formats 1250 as `1 250,00 zł` with no-break spaces", () => {
    const money = formatMoney(1250, "pl");
    expect(money).toBe("1\u00a0250,00\u00a0zł");
    expect(codePoints(money)).toEqual([0x31, NBSP, 0x32, 0x35, 0x30, 0x2c, 0x30, 0x30, NBSP, 0x7a, 0x142]);
    expect(money).not.toContain(" ");
  });

  it("groups thousands even for four digits and rounds to grosze", () => {
    expect(formatMoney(0, "pl")).toBe("0,00\u00a0zł");
    expect(formatMoney(5.5, "pl")).toBe("5,50\u00a0zł");
    expect(formatMoney(1234567.891, "pl")).toBe("1\u00a0234\u00a0567,89\u00a0zł");
  });

  it("formats money in English as PLN", () => {
    expect(formatMoney(1250, "en")).toBe("PLN\u00a01,250.00");
  });
}

describe("with the process TZ as started", () => {
  assertions();
});

// Minutes that `Date#getTimezoneOffset` reports in January in each zone, proving the switch took effect.
const zones = [
  { zone: "America/New_York", januaryOffset: 300 },
  { zone: "Asia/Kolkata", januaryOffset: -330 },
  { zone: "Pacific/Kiritimati", januaryOffset: -840 },
  { zone: "UTC", januaryOffset: 0 },
];

describe.each(zones)("with process.env.TZ=$zone", ({ zone, januaryOffset }) => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it("really runs in that zone", () => {
    expect(new Date(2027, 0, 15, 12).getTimezoneOffset()).toBe(januaryOffset);
  });

  assertions();
});
