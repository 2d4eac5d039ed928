import { describe, expect, it } from "vitest";
import { cataloguePage, cataloguePageHref } from "@/app/(app)/resources/_lib/pages";

describe("catalogue pages", () => {
  it("slices 24 at a time", () => {
    expect(cataloguePage(64, "1")).toEqual({ page: 1, pages: 3, start: 0, end: 24 });
    expect(cataloguePage(64, "2")).toEqual({ page: 2, pages: 3, start: 24, end: 48 });
    expect(cataloguePage(64, "3")).toEqual({ page: 3, pages: 3, start: 48, end: 64 });
  });

  it("shows the nearest page for anything out of range or malformed", () => {
    expect(cataloguePage(64, undefined).page).toBe(1);
    expect(cataloguePage(64, "0").page).toBe(1);
    expect(cataloguePage(64, "-2").page).toBe(1);
    expect(cataloguePage(64, "abc").page).toBe(1);
    expect(cataloguePage(64, "2.5").page).toBe(1);
    expect(cataloguePage(64, "99").page).toBe(3);
    expect(cataloguePage(64, ["2", "3"]).page).toBe(2);
    expect(cataloguePage(64, "9".repeat(40)).page).toBe(1);
  });

  it("has one page when there is nothing to show", () => {
    expect(cataloguePage(0, "4")).toEqual({ page: 1, pages: 1, start: 0, end: 0 });
    expect(cataloguePage(24, "2")).toEqual({ page: 1, pages: 1, start: 0, end: 24 });
  });

  it("keeps the search in the links and drops empty fields", () => {
    expect(cataloguePageHref({ kind: "premises", q: "", people: "30" }, 2)).toBe(
      "/resources?kind=premises&people=30&page=2",
    );
    expect(cataloguePageHref({ kind: "", q: "" }, 1)).toBe("/resources");
    expect(cataloguePageHref({ q: "świetlica & sala" }, 3)).toBe("/resources?q=%C5%9Bwietlica+%26+sala&page=3");
  });
});
