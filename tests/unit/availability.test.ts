import { describe, expect, it } from "vitest";
import { freeAndBusy, nearestFreeSlots, subtract } from "@/lib/domain/availability";
import { openIntervals } from "@/lib/domain/opening-hours";
import type { Period } from "@/lib/domain/period";
import type { Holding, Segment, WeeklyInterval } from "@/lib/domain/types";

const day = "2026-06-01";
const t = (hhmm: string, date = day) => new Date(`${date}T${hhmm}:00Z`);
const p = (start: string, end: string): Period => ({ start: t(start), end: t(end) });
const hold = (start: string, end: string, quantity = 1): Holding => ({ period: p(start, end), quantity });
const hhmm = (d: Date) => d.toISOString().slice(11, 16);
const showP = (ps: Period[]) => ps.map((x) => `${hhmm(x.start)}-${hhmm(x.end)}`);
const showS = (ss: Segment[]) => ss.map((x) => `${hhmm(x.start)}-${hhmm(x.end)}:${x.quantity}`);
const window = p("00:00", "23:59");

describe("subtract", () => {
  it("cuts holes and returns sorted, merged periods", () => {
    const result = subtract(
      [p("12:00", "16:00"), p("08:00", "10:00"), p("09:00", "11:00")],
      [p("09:30", "10:00"), p("13:00", "14:00")],
    );
    expect(showP(result)).toEqual(["08:00-09:30", "10:00-11:00", "12:00-13:00", "14:00-16:00"]);
  });

  it("handles cuts spanning several periods, touching edges and nothing to remove", () => {
    expect(
      showP(subtract([p("08:00", "09:00"), p("10:00", "11:00"), p("12:00", "13:00")], [p("08:30", "12:30")])),
    ).toEqual(["08:00-08:30", "12:30-13:00"]);
    expect(showP(subtract([p("08:00", "09:00")], [p("09:00", "10:00"), p("07:00", "08:00")]))).toEqual(["08:00-09:00"]);
    expect(showP(subtract([p("08:00", "09:00"), p("09:00", "10:00")], []))).toEqual(["08:00-10:00"]);
    expect(subtract([p("08:00", "09:00")], [p("07:00", "10:00")])).toEqual([]);
  });
});

describe("freeAndBusy", () => {
  const base = { window, blackouts: [] as Period[], bufferMinutes: 0 };

  it("counts units left of a 120-chair resource with holdings of 10 and 30", () => {
    const { free, busy } = freeAndBusy({
      ...base,
      open: [p("06:00", "16:00")],
      holdings: [hold("08:00", "10:00", 10), hold("09:00", "12:00", 30)],
      capacity: 120,
    });
    expect(showS(busy)).toEqual(["08:00-09:00:10", "09:00-10:00:40", "10:00-12:00:30"]);
    expect(showS(free)).toEqual([
      "06:00-08:00:120",
      "08:00-09:00:110",
      "09:00-10:00:80",
      "10:00-12:00:90",
      "12:00-16:00:120",
    ]);
  });

  it("leaves out fully booked time and joins touching segments of equal quantity", () => {
    const { free, busy } = freeAndBusy({
      ...base,
      open: [p("08:00", "12:00")],
      holdings: [hold("08:00", "09:00", 2), hold("09:00", "10:00", 2), hold("10:00", "11:00", 1)],
      capacity: 2,
    });
    expect(showS(busy)).toEqual(["08:00-10:00:2", "10:00-11:00:1"]);
    expect(showS(free)).toEqual(["10:00-11:00:1", "11:00-12:00:2"]);
  });

  it("keeps the buffer on both sides of a holding for free time only", () => {
    const { free, busy } = freeAndBusy({
      ...base,
      open: [p("08:00", "16:00")],
      holdings: [hold("10:00", "12:00")],
      capacity: 1,
      bufferMinutes: 30,
    });
    expect(showS(busy)).toEqual(["10:00-12:00:1"]);
    expect(showS(free)).toEqual(["08:00-09:30:1", "12:30-16:00:1"]);
  });

  it("removes blackouts and closed time from free but still reports busy time there", () => {
    const { free, busy } = freeAndBusy({
      ...base,
      open: [p("08:00", "12:00"), p("13:00", "20:00")],
      blackouts: [p("15:00", "16:00")],
      holdings: [hold("12:00", "13:30", 3)],
      capacity: 5,
    });
    expect(showS(busy)).toEqual(["12:00-13:30:3"]);
    expect(showS(free)).toEqual(["08:00-12:00:5", "13:00-13:30:2", "13:30-15:00:5", "16:00-20:00:5"]);
  });

  it("clips everything to the window", () => {
    const { free, busy } = freeAndBusy({
      ...base,
      window: p("09:00", "11:00"),
      open: [p("06:00", "16:00")],
      holdings: [hold("05:00", "10:00", 1)],
      capacity: 3,
    });
    expect(showS(busy)).toEqual(["09:00-10:00:1"]);
    expect(showS(free)).toEqual(["09:00-10:00:2", "10:00-11:00:3"]);
  });

  it("works on wall-clock opening hours over the October change", () => {
    const night: WeeklyInterval[] = [
      { weekday: 6, start: "22:00", end: "24:00" },
      { weekday: 7, start: "00:00", end: "06:00" },
    ];
    const w = { start: new Date("2026-10-24T00:00:00Z"), end: new Date("2026-10-26T00:00:00Z") };
    const { free } = freeAndBusy({ ...base, window: w, open: openIntervals(night, w), holdings: [], capacity: 1 });
    expect(free).toHaveLength(1);
    expect(free[0].end.getTime() - free[0].start.getTime()).toBe(9 * 3_600_000);
  });
});

describe("nearestFreeSlots", () => {
  it("returns the three nearest, skipping a blackout", () => {
    const { free } = freeAndBusy({
      window,
      open: [p("08:00", "16:00")],
      blackouts: [p("11:00", "12:00")],
      holdings: [hold("10:00", "11:00")],
      capacity: 1,
      bufferMinutes: 0,
    });
    const slots = nearestFreeSlots({ wanted: p("10:30", "11:30"), quantity: 1, free });
    expect(showP(slots)).toEqual(["09:00-10:00", "12:00-13:00", "08:45-09:45"]);
  });

  it("never offers the wanted period itself and prefers the earlier of two equally near", () => {
    const free: Segment[] = [{ start: t("08:00"), end: t("12:00"), quantity: 1 }];
    const slots = nearestFreeSlots({ wanted: p("10:00", "11:00"), quantity: 1, free, count: 4 });
    expect(showP(slots)).toEqual(["09:45-10:45", "10:15-11:15", "09:30-10:30", "10:30-11:30"]);
  });

  it("needs enough units throughout a run of touching segments", () => {
    const free: Segment[] = [
      { start: t("08:00"), end: t("09:00"), quantity: 2 },
      { start: t("09:00"), end: t("10:00"), quantity: 5 },
      { start: t("10:00"), end: t("11:00"), quantity: 3 },
      { start: t("11:00"), end: t("12:00"), quantity: 1 },
    ];
    const slots = nearestFreeSlots({ wanted: p("08:00", "10:00"), quantity: 3, free, stepMinutes: 30 });
    expect(showP(slots)).toEqual(["09:00-11:00"]);
  });

  it("applies accept, count and step", () => {
    const free: Segment[] = [{ start: t("08:00"), end: t("18:00"), quantity: 1 }];
    const slots = nearestFreeSlots({
      wanted: p("12:00", "13:00"),
      quantity: 1,
      free,
      count: 2,
      stepMinutes: 60,
      accept: (c) => c.start >= t("12:00"),
    });
    expect(showP(slots)).toEqual(["13:00-14:00", "14:00-15:00"]);
  });

  it("stays within the span covered by free time", () => {
    expect(nearestFreeSlots({ wanted: p("10:00", "11:00"), quantity: 1, free: [] })).toEqual([]);
    const free: Segment[] = [{ start: t("10:00"), end: t("11:30"), quantity: 1 }];
    const slots = nearestFreeSlots({ wanted: p("10:00", "11:00"), quantity: 1, free, count: 5 });
    expect(showP(slots)).toEqual(["10:15-11:15", "10:30-11:30"]);
  });

  it("stays fast with many segments and gives up after a bounded number of candidates", () => {
    const start = Date.UTC(2026, 0, 1);
    const free: Segment[] = Array.from({ length: 20_000 }, (_, i) => ({
      start: new Date(start + i * 3_600_000),
      end: new Date(start + i * 3_600_000 + 1_800_000),
      quantity: 1,
    }));
    let tried = 0;
    const began = performance.now();
    const none = nearestFreeSlots({
      wanted: { start: new Date(start + 5000 * 3_600_000), end: new Date(start + 5001 * 3_600_000) },
      quantity: 1,
      free: [{ start: new Date(start), end: new Date(start + 365 * 86_400_000), quantity: 1 }],
      accept: () => {
        tried++;
        return false;
      },
    });
    expect(none).toEqual([]);
    expect(tried).toBeLessThanOrEqual(2000);
    const slots = nearestFreeSlots({
      wanted: {
        start: new Date(start + 9999 * 3_600_000 + 600_000),
        end: new Date(start + 9999 * 3_600_000 + 1_500_000),
      },
      quantity: 1,
      free,
      stepMinutes: 5,
    });
    expect(slots.map((s) => s.start.getTime() - (start + 9999 * 3_600_000))).toEqual([300_000, 900_000, 0]);
    expect(performance.now() - began).toBeLessThan(500);
  });
});
