import { describe, expect, it } from "vitest";
import { altTextLengthOk, checkPhotoFile, MAX_PHOTO_BYTES, sniffPhotoType, textLength } from "@/lib/domain/photo-file";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

const PNG = bytes([0x89], "PNG\r\n\x1a\n", [0, 0, 0, 13], "IHDR");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF\0");
const WEBP = bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ");

describe("sniffPhotoType: the type is what the bytes begin with", () => {
  it("recognises JPEG, PNG and WebP by their magic numbers", () => {
    expect(sniffPhotoType(JPEG)).toBe("image/jpeg");
    expect(sniffPhotoType(PNG)).toBe("image/png");
    expect(sniffPhotoType(WEBP)).toBe("image/webp");
  });

  it.each([
    ["GIF", bytes("GIF89a", [1, 0, 1, 0])],
    ["SVG (can carry a script)", bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["HTML", bytes("<!DOCTYPE html><html>")],
    ["PDF", bytes("%PDF-1.7\n")],
    ["a RIFF that is not WebP (WAV)", bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt ")],
    ["a PNG signature cut short", bytes([0x89], "PNG\r\n")],
    ["two bytes of JPEG", bytes([0xff, 0xd8])],
    ["the PNG signature not at the start", bytes([0], [0x89], "PNG\r\n\x1a\n")],
    ["nothing", new Uint8Array()],
  ])("refuses %s", (_, data) => {
    expect(sniffPhotoType(data)).toBeNull();
  });
});

describe("checkPhotoFile", () => {
  it("accepts a photo up to exactly the limit and gives its sniffed type", () => {
    const atLimit = new Uint8Array(MAX_PHOTO_BYTES);
    atLimit.set(JPEG);
    expect(checkPhotoFile(atLimit)).toEqual({ ok: true, contentType: "image/jpeg" });
  });

  it("names the problem: no bytes, one byte over the limit, not an accepted image", () => {
    expect(checkPhotoFile(new Uint8Array())).toEqual({ ok: false, reason: "photo_missing" });
    const over = new Uint8Array(MAX_PHOTO_BYTES + 1);
    over.set(PNG);
    expect(checkPhotoFile(over)).toEqual({ ok: false, reason: "photo_too_big" });
    expect(checkPhotoFile(bytes("GIF89a"))).toEqual({ ok: false, reason: "photo_type" });
  });
});

describe("textLength counts characters as PostgreSQL's char_length does", () => {
  it("counts Polish letters and emoji as one each", () => {
    expect(textLength("Żółć")).toBe(4);
    expect(textLength("📷📷")).toBe(2);
    expect("📷📷".length).toBe(4);
  });
});

describe("altTextLengthOk", () => {
  it("takes 3–200 characters, emoji counted as one each", () => {
    expect(
      ["abc", "a".repeat(200), "📷".repeat(200), `${"📷".repeat(100)}${"a".repeat(100)}`].map(altTextLengthOk),
    ).toEqual([true, true, true, true]);
    expect(["ab", "📷📷", "a".repeat(201), "📷".repeat(201)].map(altTextLengthOk)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("refuses a huge text without counting its characters", () => {
    const huge = "📷".repeat(3_000_000);
    const started = performance.now();
    expect(altTextLengthOk(huge)).toBe(false);
    expect(performance.now() - started).toBeLessThan(50); // counting takes ~300 ms
  });
});
