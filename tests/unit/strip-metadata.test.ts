import { deflateSync, inflateSync, crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { orientationTiff, readExifOrientation, readTiffOrientation } from "@/lib/domain/exif-orientation";
import type { PhotoType } from "@/lib/domain/photo-file";
import { crc32, stripMetadata } from "@/lib/domain/strip-metadata";
import { largePng, TINY_JPEG, TINY_PNG, TINY_WEBP } from "../helpers/images";
import {
  adobeApp14,
  bytes,
  comSegment,
  contains,
  exifApp1,
  exifTiff,
  iccApp2,
  iptcApp13,
  JPEG_IMAGE,
  JPEG_JFIF,
  jpegWith,
  mpfApp2,
  PLANTED,
  PNG_IDAT_IEND,
  PNG_IHDR,
  PNG_SIGNATURE,
  pngChunk,
  pngMetadataChunks,
  pngWith,
  riff,
  segment,
  vp8x,
  WEBP_VP8,
  webpChunk,
  webpWithMetadata,
  xmpApp1,
  xmpPacket,
} from "../helpers/photo-metadata";

const strip = (data: Uint8Array, type: PhotoType) => {
  const result = stripMetadata(data, type);
  if (!result) throw new Error("refused");
  return result;
};

function expectNothingPlanted(data: Uint8Array) {
  for (const [kind, text] of Object.entries(PLANTED)) expect(contains(data, text), kind).toBe(false);
  expect(contains(data, "http://ns.adobe.com/xap"), "XMP").toBe(false);
  expect(contains(data, "Photoshop 3.0"), "IPTC").toBe(false);
}

/** The minimal Exif APP1 a stripped JPEG keeps: the header and a 26-byte TIFF with the orientation alone. */
const orientationApp1 = (orientation: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8) =>
  segment(0xe1, bytes("Exif\0\0", orientationTiff(orientation)));

describe("the fixtures plant what a phone writes", () => {
  it("every planted string is in the unstripped files", () => {
    const jpeg = jpegWith(exifApp1(), xmpApp1(), comSegment(), iptcApp13(), mpfApp2());
    for (const text of [PLANTED.gps, PLANTED.owner, PLANTED.camera, PLANTED.xmp, PLANTED.comment, PLANTED.iptc]) {
      expect(contains(jpeg, text)).toBe(true);
    }
    expect(contains(pngWith(...pngMetadataChunks()), PLANTED.pngText)).toBe(true);
    expect(contains(webpWithMetadata(), PLANTED.gps)).toBe(true);
    expect(readTiffOrientation(exifTiff())).toBe(6);
  });
});

describe("stripMetadata: JPEG", () => {
  it("drops Exif (GPS, owner, camera), XMP, COM, IPTC and MPF; keeps JFIF, ICC, Adobe and the image byte for byte", () => {
    const phone = jpegWith(exifApp1(), xmpApp1(), iccApp2(), comSegment(), adobeApp14(), iptcApp13(), mpfApp2());
    const { bytes: out, orientation } = strip(phone, "image/jpeg");
    expectNothingPlanted(out);
    expect(orientation).toBe(6);
    // The orientation alone, in a minimal Exif where the old one was; everything else kept in order, untouched.
    expect(out).toEqual(bytes([0xff, 0xd8], JPEG_JFIF, orientationApp1(6), iccApp2(), adobeApp14(), JPEG_IMAGE));
    expect(out.length).toBeLessThan(phone.length);
  });

  it("keeps the orientation whatever the byte order of the Exif (big-endian here)", () => {
    const { bytes: out, orientation } = strip(
      jpegWith(exifApp1(exifTiff({ orientation: 3, little: false }))),
      "image/jpeg",
    );
    expect(orientation).toBe(3);
    expect(out).toEqual(bytes([0xff, 0xd8], JPEG_JFIF, orientationApp1(3), JPEG_IMAGE));
    expectNothingPlanted(out);
  });

  it("keeps no Exif at all when the orientation is 1, missing, or not a valid value", () => {
    for (const orientation of [1, null, 0, 9]) {
      const out = strip(jpegWith(exifApp1(exifTiff({ orientation })), xmpApp1()), "image/jpeg");
      expect(out, String(orientation)).toEqual({ bytes: TINY_JPEG, orientation: 1 });
    }
  });

  it("takes the orientation from the first Exif only, and drops a broken Exif without refusing the photo", () => {
    const broken = bytes("II", [42, 0], [0xff, 0xff, 0, 0]); // IFD0 far outside the structure
    expect(strip(jpegWith(exifApp1(broken)), "image/jpeg")).toEqual({ bytes: TINY_JPEG, orientation: 1 });
    const twice = strip(
      jpegWith(exifApp1(exifTiff({ orientation: 8 })), exifApp1(exifTiff({ orientation: 6 }))),
      "image/jpeg",
    );
    expect(twice.bytes).toEqual(bytes([0xff, 0xd8], JPEG_JFIF, orientationApp1(8), JPEG_IMAGE));
  });

  it("leaves a JPEG without metadata exactly as it was, and stripping twice changes nothing", () => {
    expect(strip(TINY_JPEG, "image/jpeg").bytes).toEqual(TINY_JPEG);
    const once = strip(jpegWith(exifApp1(), comSegment()), "image/jpeg").bytes;
    expect(strip(once, "image/jpeg").bytes).toEqual(once);
  });

  it("drops JFXX (a thumbnail) and other APP0, and what follows EOI (MPF secondary images with their own Exif)", () => {
    const jfxx = segment(0xe0, bytes("JFXX\0", [0x10], "thumbnail of the uncropped photo"));
    const second = jpegWith(exifApp1()); // a second image, as MPF appends it, with GPS
    const out = strip(bytes(jpegWith(jfxx, mpfApp2()), second), "image/jpeg").bytes;
    expect(out).toEqual(TINY_JPEG);
    expectNothingPlanted(out);
  });

  it("reads markers as the standard has them: fill bytes, TEM and RSTn without a length, stuffed bytes and segments between scans", () => {
    const sosAt = JPEG_IMAGE.findIndex((b, i) => b === 0xff && JPEG_IMAGE[i + 1] === 0xda);
    const tables = JPEG_IMAGE.subarray(0, sosAt);
    const sos = segment(0xda, bytes([1, 1, 0, 0, 63, 0]));
    // Entropy-coded data with a stuffed 0xFF00, a restart marker and fill bytes; then, between scans, a COM and an
    // Exif APP1 (dropped, as they would be before the first scan) and a DHT whose payload happens to hold FF D9
    // (skipped by its length, not taken for EOI, and kept); a second scan; EOI.
    const firstScan = bytes(sos, [0x12, 0xff, 0x00, 0x34, 0xff, 0xd3, 0x56]);
    const dht = segment(0xc4, bytes([0x10], Array(16).fill(0), [0xff, 0xd9]));
    const lastScan = bytes(sos, [0x78, 0xff, 0xff, 0xd9]);
    const scans = bytes(firstScan, comSegment(), dht, exifApp1(), lastScan);
    const input = bytes([0xff, 0xd8, 0xff, 0xff], JPEG_JFIF, [0xff, 0x01], comSegment(), tables, scans, "trailer");
    const out = strip(input, "image/jpeg").bytes;
    expect(out).toEqual(bytes([0xff, 0xd8], JPEG_JFIF, [0xff, 0x01], tables, firstScan, dht, lastScan));
    expectNothingPlanted(out);
  });

  it("drops APPn and COM between scans by the same rules as before the first one, copying the rest byte for byte", () => {
    const sosAt = JPEG_IMAGE.findIndex((b, i) => b === 0xff && JPEG_IMAGE[i + 1] === 0xda);
    const tables = JPEG_IMAGE.subarray(0, sosAt);
    const sos = segment(0xda, bytes([1, 1, 0, 0, 63, 0]));
    const firstScan = bytes(sos, [0x12, 0xff, 0x00, 0x34, 0xff, 0xd3, 0x56]);
    const dht = segment(0xc4, bytes([0x10], Array(16).fill(0), [0xff, 0xd9]));
    const dri = segment(0xdd, bytes([0, 4]));
    const lastScan = bytes(sos, [0x78, 0xff, 0xd0, 0x9a, 0xff, 0xd9]);
    const c2pa = segment(0xeb, bytes("JP", [0, 1, 0, 0, 0, 1], "jumb c2pa", PLANTED.owner)); // APP11 JUMBF
    const input = bytes(
      [0xff, 0xd8],
      JPEG_JFIF,
      tables,
      firstScan,
      exifApp1(), // an Exif with GPS between scans: dropped, and its orientation not read
      dht,
      [0xff, 0xff], // fill bytes before a dropped COM go with it
      comSegment(),
      iccApp2(), // kept between scans as before them
      xmpApp1(),
      dri,
      iptcApp13(),
      c2pa,
      mpfApp2(),
      adobeApp14(),
      segment(0xe0, bytes("JFXX\0", [0x10], "thumbnail")),
      lastScan,
    );
    const { bytes: out, orientation } = strip(input, "image/jpeg");
    expect(orientation).toBe(1);
    expect(out).toEqual(bytes([0xff, 0xd8], JPEG_JFIF, tables, firstScan, dht, iccApp2(), dri, adobeApp14(), lastScan));
    expectNothingPlanted(out);
    expect(contains(out, "c2pa")).toBe(false);
    expect(strip(out, "image/jpeg").bytes).toEqual(out);
  });

  it.each([
    ["only SOI", bytes([0xff, 0xd8])],
    ["SOI and a lone 0xFF", bytes([0xff, 0xd8, 0xff])],
    ["a segment length cut off", bytes([0xff, 0xd8, 0xff, 0xe1, 0x00])],
    ["a segment longer than the file", bytes([0xff, 0xd8], segment(0xe1, "Exif\0\0II").subarray(0, 10))],
    ["a segment length below 2", bytes([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x01], JPEG_IMAGE)],
    ["a length pointing past the end", bytes([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x45, 0x78, 0x69, 0x66])],
    ["a byte that is no marker between segments", bytes([0xff, 0xd8], JPEG_JFIF, [0x00], JPEG_IMAGE)],
    ["a stuffed zero before the scan", bytes([0xff, 0xd8, 0xff, 0x00], JPEG_IMAGE)],
    ["a second SOI", bytes([0xff, 0xd8, 0xff, 0xd8], JPEG_IMAGE)],
    ["EOI before any scan", bytes([0xff, 0xd8], JPEG_JFIF, [0xff, 0xd9])],
    ["a scan without EOI", TINY_JPEG.subarray(0, TINY_JPEG.length - 2)],
    ["a scan whose next segment runs past the end", bytes(TINY_JPEG.subarray(0, -2), [0xff, 0xc4, 0x01, 0x00, 1, 2])],
  ])("refuses a malformed JPEG: %s", (_, data) => {
    expect(stripMetadata(data, "image/jpeg")).toBeNull();
  });

  it("refuses every truncation of a phone's JPEG, and never throws on damaged bytes", () => {
    const phone = jpegWith(exifApp1(), xmpApp1(), iccApp2(), comSegment());
    for (let n = 0; n < phone.length; n++)
      expect(stripMetadata(phone.subarray(0, n), "image/jpeg"), String(n)).toBeNull();
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let k = 0; k < 500; k++) {
      const damaged = phone.slice();
      damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      const out = stripMetadata(damaged, "image/jpeg");
      if (out) expect(out.bytes.length).toBeLessThanOrEqual(damaged.length);
    }
  });
});

describe("stripMetadata: PNG", () => {
  it("drops eXIf, tEXt, iTXt, zTXt and tIME; keeps the image chunks whole and the orientation in a minimal eXIf", () => {
    const { bytes: out, orientation } = strip(pngWith(...pngMetadataChunks()), "image/png");
    expectNothingPlanted(out);
    expect(orientation).toBe(6);
    const minimal = pngChunk("eXIf", orientationTiff(6)); // its CRC by node:zlib
    expect(out).toEqual(bytes(PNG_SIGNATURE, PNG_IHDR, minimal, PNG_IDAT_IEND));
  });

  it("keeps no eXIf when the orientation is 1, and leaves a PNG without metadata as it was", () => {
    expect(strip(pngWith(...pngMetadataChunks(exifTiff({ orientation: 1 }))), "image/png")).toEqual({
      bytes: TINY_PNG,
      orientation: 1,
    });
    expect(strip(TINY_PNG, "image/png").bytes).toEqual(TINY_PNG);
    // Chunks after the image data (where some writers put text) go too, and so does anything after IEND.
    const late = bytes(
      PNG_SIGNATURE,
      PNG_IHDR,
      PNG_IDAT_IEND.subarray(0, -12),
      pngChunk("tEXt", `Author\0${PLANTED.owner}`),
    );
    expect(strip(bytes(late, PNG_IDAT_IEND.subarray(-12), "appended secret"), "image/png").bytes).toEqual(TINY_PNG);
  });

  it("keeps only the allow-listed chunks: C2PA's caBX, private and unknown chunks go, wherever they stand", () => {
    const shown = [
      pngChunk("gAMA", bytes([0, 0, 0xb1, 0x8f])),
      pngChunk("sRGB", bytes([0])),
      pngChunk("pHYs", bytes([0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1])),
      pngChunk("sBIT", bytes([8])),
      pngChunk("bKGD", bytes([0, 0x80])),
    ];
    const dropped = [
      pngChunk("caBX", bytes("jumb c2pa manifest ", PLANTED.owner)),
      pngChunk("prVt", `Author\0${PLANTED.pngText}`),
      pngChunk("vpAg", bytes([0, 0, 0, 1, 0, 0, 0, 1, 0])),
      pngChunk("sPLT", bytes("GPS\0", [8], PLANTED.gps)),
    ];
    const input = bytes(
      PNG_SIGNATURE,
      PNG_IHDR,
      dropped[0],
      shown[0],
      dropped[1],
      ...shown.slice(1),
      dropped[2],
      PNG_IDAT_IEND.subarray(0, -12),
      dropped[3], // after the image data
      PNG_IDAT_IEND.subarray(-12),
    );
    const { bytes: out, orientation } = strip(input, "image/png");
    expect(orientation).toBe(1);
    expect(out).toEqual(bytes(PNG_SIGNATURE, PNG_IHDR, ...shown, PNG_IDAT_IEND));
    expectNothingPlanted(out);
    expect(contains(out, "c2pa")).toBe(false);
  });

  it("keeps an APNG's animation chunks, PLTE, tRNS, cHRM, iCCP and cICP as they are", () => {
    const kept = [
      pngChunk("cHRM", bytes(Array(32).fill(1))),
      pngChunk("iCCP", bytes("ICC\0", [0], deflateSync(Buffer.from("colour-profile-bytes")))),
      pngChunk("cICP", bytes([1, 13, 0, 1])),
      pngChunk("PLTE", bytes([0, 0, 0, 0x80, 0x80, 0x80])),
      pngChunk("tRNS", bytes([0xff, 0x80])),
      pngChunk("acTL", bytes([0, 0, 0, 2, 0, 0, 0, 0])),
      pngChunk("fcTL", bytes([0, 0, 0, 0], [0, 0, 0, 1, 0, 0, 0, 1], Array(8).fill(0), [0, 1, 0, 10, 0, 0])),
    ];
    const frame = pngChunk(
      "fcTL",
      bytes([0, 0, 0, 1], [0, 0, 0, 1, 0, 0, 0, 1], Array(8).fill(0), [0, 1, 0, 10, 0, 0]),
    );
    const fdat = pngChunk("fdAT", bytes([0, 0, 0, 2], deflateSync(Buffer.from([0, 0x80]))));
    const idat = PNG_IDAT_IEND.subarray(0, -12);
    const iend = PNG_IDAT_IEND.subarray(-12);
    const input = bytes(PNG_SIGNATURE, PNG_IHDR, ...kept, idat, frame, fdat, iend);
    expect(strip(input, "image/png").bytes).toEqual(input);
  });

  it.each([
    ["the signature alone", PNG_SIGNATURE],
    ["a chunk header cut off", bytes(PNG_SIGNATURE, PNG_IHDR.subarray(0, 6))],
    ["a chunk without its CRC", bytes(PNG_SIGNATURE, PNG_IHDR.subarray(0, -4))],
    ["a chunk longer than the file", bytes(PNG_SIGNATURE, [0, 0, 0x10, 0], "IHDR", Array(20).fill(0))],
    ["a length over 2³¹−1", bytes(PNG_SIGNATURE, [0x80, 0, 0, 0], "IHDR", Array(20).fill(0))],
    ["no IEND", bytes(PNG_SIGNATURE, PNG_IHDR, PNG_IDAT_IEND.subarray(0, -12))],
    ["a first chunk other than IHDR", bytes(PNG_SIGNATURE, PNG_IDAT_IEND)],
    ["a chunk type that is not letters", bytes(PNG_SIGNATURE, PNG_IHDR, pngChunk("tE\0t", "x"), PNG_IDAT_IEND)],
  ])("refuses a malformed PNG: %s", (_, data) => {
    expect(stripMetadata(data, "image/png")).toBeNull();
  });

  it("refuses every truncation", () => {
    const png = pngWith(...pngMetadataChunks());
    for (let n = 0; n < png.length; n++) expect(stripMetadata(png.subarray(0, n), "image/png"), String(n)).toBeNull();
  });

  it("leaves a large real PNG without metadata byte for byte (the helper the two-instance test uploads)", () => {
    const png = largePng(3 * 1024 * 1024);
    expect(png.length).toBeGreaterThanOrEqual(3 * 1024 * 1024);
    const view = Buffer.from(png);
    const [width, height] = [view.readUInt32BE(16), view.readUInt32BE(20)];
    const idatLength = view.readUInt32BE(33);
    expect(view.toString("latin1", 37, 41)).toBe("IDAT");
    // It decodes: the zlib stream (Adler-32 checked) inflates to one filter byte and `width` grey pixels per row.
    const pixels = inflateSync(view.subarray(41, 41 + idatLength));
    expect(pixels.length).toBe(height * (width + 1));
    expect(zlibCrc32(view.subarray(37, 41 + idatLength))).toBe(view.readUInt32BE(41 + idatLength));
    const { bytes: out, orientation } = strip(png, "image/png");
    expect(orientation).toBe(1);
    expect(Buffer.from(out).equals(png)).toBe(true); // not toEqual, which compares 3 MB element by element
  });

  it("computes CRC-32 as zlib does", () => {
    for (const data of [bytes(""), bytes("IEND"), bytes("eXIf", orientationTiff(6)), TINY_JPEG]) {
      expect(crc32(data)).toBe(zlibCrc32(data));
    }
  });
});

describe("stripMetadata: WebP", () => {
  it("drops EXIF and XMP chunks, keeps the orientation, fixes the RIFF size and clears the XMP flag", () => {
    const input = webpWithMetadata();
    const { bytes: out, orientation } = strip(input, "image/webp");
    expectNothingPlanted(out);
    expect(orientation).toBe(6);
    expect(out).toEqual(riff(vp8x(0x08), WEBP_VP8, webpChunk("EXIF", orientationTiff(6))));
    expect(Buffer.from(out).readUInt32LE(4)).toBe(out.length - 8);
    expect(input[20] & 0x0c).toBe(0x0c); // the input is left as it was
  });

  it("clears the EXIF flag too when no orientation is kept, and leaves a simple WebP as it was", () => {
    const out = strip(webpWithMetadata(exifTiff({ orientation: null })), "image/webp").bytes;
    expect(out).toEqual(riff(vp8x(0), WEBP_VP8));
    expect(strip(TINY_WEBP, "image/webp").bytes).toEqual(TINY_WEBP);
    // An EXIF payload written with the JPEG-style "Exif\0\0" prefix is read too; bytes after the RIFF are dropped.
    const prefixed = riff(vp8x(0x08), WEBP_VP8, webpChunk("EXIF", bytes("Exif\0\0", exifTiff({ orientation: 5 }))));
    expect(strip(bytes(prefixed, "trailing"), "image/webp")).toEqual({
      bytes: riff(vp8x(0x08), WEBP_VP8, webpChunk("EXIF", orientationTiff(5))),
      orientation: 5,
    });
  });

  it("keeps an odd-sized last chunk that lacks its padding byte as it is", () => {
    const odd = webpChunk("ICCP", "abc").subarray(0, -1); // 3 bytes of data, no padding
    const input = riff(vp8x(0x20), WEBP_VP8, webpChunk("XMP ", "x"), odd);
    expect(strip(input, "image/webp").bytes).toEqual(riff(vp8x(0x20), WEBP_VP8, odd));
  });

  it("keeps only the allow-listed chunks: C2PA and unknown chunks go, the image chunks stay byte for byte", () => {
    const iccp = webpChunk("ICCP", "colour-profile-bytes");
    const alph = webpChunk("ALPH", bytes([0], [0xff, 0x80, 0x40]));
    const input = riff(
      vp8x(0x20 | 0x10 | 0x04),
      iccp,
      webpChunk("C2PA", bytes("jumb c2pa manifest ", PLANTED.owner)),
      alph,
      webpChunk("ABCD", `${PLANTED.gps}!`), // odd size, with its padding byte
      WEBP_VP8,
      webpChunk("XMP ", xmpPacket()),
      webpChunk("abcd", PLANTED.camera),
    );
    const { bytes: out, orientation } = strip(input, "image/webp");
    expect(orientation).toBe(1);
    expect(out).toEqual(riff(vp8x(0x20 | 0x10), iccp, alph, WEBP_VP8));
    expect(Buffer.from(out).readUInt32LE(4)).toBe(out.length - 8);
    expectNothingPlanted(out);
    expect(contains(out, "c2pa")).toBe(false);
  });

  it("keeps an animation's ANIM and ANMF frames as they are, and drops an unknown chunk between them", () => {
    const anim = webpChunk("ANIM", bytes([0, 0, 0, 0, 0, 0]));
    const frame = webpChunk("ANMF", bytes(Array(16).fill(0), WEBP_VP8));
    const input = riff(vp8x(0x02), anim, frame, frame);
    expect(strip(input, "image/webp").bytes).toEqual(input);
    const tagged = riff(vp8x(0x02), anim, frame, webpChunk("ABCD", PLANTED.owner), frame);
    expect(strip(tagged, "image/webp").bytes).toEqual(input);
  });

  it.each([
    ["a RIFF header alone", bytes("RIFF", [4, 0, 0, 0], "WEBP")],
    ["a RIFF size past the end", bytes(TINY_WEBP.subarray(0, 4), [0xff, 0, 0, 0], TINY_WEBP.subarray(8))],
    ["a chunk past the RIFF's end", riff(bytes("VP8 ", [0xff, 0, 0, 0], WEBP_VP8.subarray(8)))],
    ["a chunk header cut off", riff(WEBP_VP8, bytes("EXIF", [1, 0]))],
    ["a first chunk that is no image header", riff(webpChunk("EXIF", exifTiff()), WEBP_VP8)],
    ["VP8X without image data", riff(vp8x(0x08), webpChunk("EXIF", exifTiff()))],
    ["a VP8X too short", riff(webpChunk("VP8X", bytes([0, 0, 0, 0])), WEBP_VP8)],
    ["two VP8X", riff(vp8x(0), vp8x(0), WEBP_VP8)],
  ])("refuses a malformed WebP: %s", (_, data) => {
    expect(stripMetadata(data, "image/webp")).toBeNull();
  });

  it("refuses every truncation", () => {
    const webp = webpWithMetadata();
    for (let n = 0; n < webp.length; n++)
      expect(stripMetadata(webp.subarray(0, n), "image/webp"), String(n)).toBeNull();
  });
});

describe("readTiffOrientation", () => {
  it("reads IFD0's Orientation in either byte order; 1 for anything it cannot trust", () => {
    expect(readTiffOrientation(exifTiff({ orientation: 6 }))).toBe(6);
    expect(readTiffOrientation(exifTiff({ orientation: 8, little: false }))).toBe(8);
    expect(readTiffOrientation(orientationTiff(2))).toBe(2);
    expect(readExifOrientation(bytes("Exif\0\0", orientationTiff(7)))).toBe(7);
    const long = orientationTiff(6).slice();
    long[13] = 4; // type LONG instead of SHORT
    const far = orientationTiff(6).slice();
    far[7] = 0xf0; // IFD0 past the end
    const cut = exifTiff({ orientation: 6 }).subarray(0, 30); // IFD0 cut inside its second entry, the Orientation
    for (const data of [
      bytes(""),
      bytes("XX", [0, 42]),
      exifTiff({ orientation: null }),
      long,
      far,
      cut,
      orientationTiff(6).subarray(0, 22),
    ]) {
      expect(readTiffOrientation(data)).toBe(1);
    }
  });
});
