import {
  EXIF_HEADER,
  hasPrefix,
  type Orientation,
  orientationTiff,
  readExifOrientation,
  readTiffOrientation,
} from "./exif-orientation";
import type { PhotoType } from "./photo-file";

/**
 * A photo without what a camera or an editor wrote about it (EXIF with GPS position, camera serial and owner, XMP,
 * IPTC, C2PA, comments, text chunks), its pixels untouched: only the segments and chunks on a fixed allow-list are
 * copied, whole, and everything else is dropped; nothing is decoded or re-encoded. Only the orientation survives, in
 * a minimal EXIF, so a viewer still turns the photo upright.
 * `null` when the bytes are not a well-formed file of the type (truncated, a length pointing outside the file).
 */
export type StrippedPhoto = { bytes: Uint8Array; orientation: Orientation };

/**
 * Removes the metadata of a JPEG, PNG or WebP (see each format below); `null` for a malformed file. The result is
 * never longer than the input, and what comes out is a well-formed file of the same type.
 */
export function stripMetadata(bytes: Uint8Array, type: PhotoType): StrippedPhoto | null {
  if (type === "image/jpeg") return stripJpeg(bytes);
  if (type === "image/png") return stripPng(bytes);
  return stripWebp(bytes);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

// ── JPEG ────────────────────────────────────────────────────────────────────────────────────────────────────────────

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const TEM = 0x01;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const COM = 0xfe;
const JFIF = ascii("JFIF\0");
const ICC_PROFILE = ascii("ICC_PROFILE\0");
const ADOBE = ascii("Adobe");

/** Markers that stand alone, without a length: TEM and RST0–7 (SOI and EOI are handled where they may appear). */
const standalone = (code: number) => code === TEM || (code >= 0xd0 && code <= 0xd7);

/** Whether a segment before the first scan is kept: everything but metadata, and of APPn only what decoding needs. */
function keepJpegSegment(code: number, payload: Uint8Array): boolean {
  if (code === COM || code === APP1) return false; // comments; Exif and XMP (APP1), the orientation re-added apart
  if (code === APP0) return hasPrefix(payload, JFIF); // JFIF, not JFXX (a thumbnail, maybe of the uncropped photo)
  if (code === APP2) return hasPrefix(payload, ICC_PROFILE); // the colour profile, not MPF (secondary images)
  if (code === APP14) return hasPrefix(payload, ADOBE); // tells the decoder how to transform colours (CMYK, YCCK)
  if (code > APP2 && code <= APP15) return false; // APP13 IPTC/Photoshop, APP11 C2PA, vendors' own
  return true; // SOFn, DHT, DQT, DRI, …
}

/**
 * Copies the image from the first SOS (its marker at `from`, its header ending at `scan`) to just after EOI into
 * `parts`: the entropy-coded data (where 0xFF is followed by a stuffed 0x00, a restart marker, or fill bytes before a
 * marker) and the segments between scans of a progressive JPEG byte for byte, except the APPn and COM segments that
 * `keepJpegSegment` drops before the first scan, which go here too (with any fill bytes before them). `false` if the
 * file ends first or a segment runs past it.
 */
function copyScans(b: Uint8Array, from: number, scan: number, parts: Uint8Array[]): boolean {
  let copyFrom = from;
  let i = scan;
  for (;;) {
    const ff = b.indexOf(0xff, i);
    if (ff < 0) return false;
    let j = ff + 1;
    while (j < b.length && b[j] === 0xff) j++;
    if (j >= b.length) return false;
    const code = b[j];
    if (code === 0x00 || standalone(code)) {
      i = j + 1;
    } else if (code === EOI) {
      parts.push(b.subarray(copyFrom, j + 1));
      return true;
    } else if (code === SOI) {
      return false;
    } else {
      if (j + 3 > b.length) return false;
      const length = (b[j + 1] << 8) | b[j + 2];
      if (length < 2 || j + 1 + length > b.length) return false;
      i = j + 1 + length;
      const metadata = code === COM || (code >= APP0 && code <= APP15);
      if (metadata && !keepJpegSegment(code, b.subarray(j + 3, i))) {
        parts.push(b.subarray(copyFrom, ff));
        copyFrom = i;
      }
    }
  }
}

/**
 * JPEG: walks the segments, before the first scan and between scans. Of APPn and COM it keeps only APP0 JFIF, APP2
 * ICC_PROFILE (the colour profile) and APP14 Adobe (the colour transform), so APP1 (Exif, XMP), APP13 (IPTC,
 * Photoshop), APP11 (C2PA), COM and any other APPn go wherever they stand; every other segment, the scans' entropy-
 * coded data and EOI are copied byte for byte. Bytes after EOI are dropped: phones append the secondary images of MPF
 * there (each with its own Exif and GPS) or a video. Fill bytes before a marker ahead of the first scan, or before a
 * dropped segment, are dropped (they mean nothing). If the first Exif (before the first scan) held an orientation
 * other than 1, a minimal Exif APP1 with only that tag takes its place.
 */
function stripJpeg(b: Uint8Array): StrippedPhoto | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== SOI) return null;
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  let orientation: Orientation = 1;
  let exifAt = -1;
  let i = 2;
  for (;;) {
    if (i >= b.length || b[i] !== 0xff) return null;
    while (i < b.length && b[i] === 0xff) i++;
    if (i >= b.length) return null;
    const code = b[i];
    const markerAt = i - 1;
    i++;
    // A stuffed zero belongs only to entropy-coded data; a second SOI or an EOI before any scan is no photo.
    if (code === 0x00 || code === SOI || code === EOI) return null;
    if (standalone(code)) {
      parts.push(b.subarray(markerAt, i));
      continue;
    }
    if (i + 2 > b.length) return null;
    const length = (b[i] << 8) | b[i + 1];
    if (length < 2 || i + length > b.length) return null;
    const end = i + length;
    if (code === SOS) {
      if (!copyScans(b, markerAt, end, parts)) return null;
      break;
    }
    const payload = b.subarray(i + 2, end);
    if (keepJpegSegment(code, payload)) {
      parts.push(b.subarray(markerAt, end));
    } else if (code === APP1 && exifAt < 0 && hasPrefix(payload, EXIF_HEADER)) {
      exifAt = parts.length;
      orientation = readTiffOrientation(payload.subarray(EXIF_HEADER.length));
    }
    i = end;
  }
  if (orientation !== 1) {
    const exif = concat([Uint8Array.from(EXIF_HEADER), orientationTiff(orientation)]);
    const length = exif.length + 2;
    parts.splice(exifAt, 0, Uint8Array.of(0xff, APP1, length >> 8, length & 0xff), exif);
  }
  return { bytes: concat(parts), orientation };
}

// ── PNG ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

const PNG_SIGNATURE_LENGTH = 8;
/**
 * The chunks kept: the image (IHDR, PLTE, IDAT, IEND), how to show it (transparency, gamma, chromaticities, sRGB, the
 * ICC profile, significant bits, pixel size, background, cICP) and APNG's animation (acTL, fcTL, fdAT). Everything
 * else goes: eXIf (re-written with the orientation alone), the text chunks (where XMP and "Author", "Comment", "GPS"
 * keys live), tIME, C2PA's caBX and any private or future chunk, which may hold anything.
 */
const PNG_KEPT = new Set([
  "IHDR",
  "PLTE",
  "IDAT",
  "IEND",
  "tRNS",
  "gAMA",
  "cHRM",
  "sRGB",
  "iCCP",
  "sBIT",
  "pHYs",
  "bKGD",
  "cICP",
  "acTL",
  "fcTL",
  "fdAT",
]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG computes it (ISO 3309, the same as zlib's). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const be32 = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = concat([ascii(type), data]);
  return concat([be32(data.length), typeAndData, be32(crc32(typeAndData))]);
}

/**
 * PNG: copies the chunks of `PNG_KEPT` whole (so their CRCs stay right) from IHDR to IEND and drops every other one;
 * bytes after IEND are dropped. An eXIf's orientation other than 1 is kept in a minimal eXIf in its place.
 */
function stripPng(b: Uint8Array): StrippedPhoto | null {
  const parts: Uint8Array[] = [b.subarray(0, PNG_SIGNATURE_LENGTH)];
  let orientation: Orientation = 1;
  let i = PNG_SIGNATURE_LENGTH;
  for (let first = true; ; first = false) {
    if (i + 12 > b.length) return null;
    const length = u32be(b, i);
    if (length > 0x7fffffff || i + 12 + length > b.length) return null;
    const typeBytes = b.subarray(i + 4, i + 8);
    if (!typeBytes.every(isLetter)) return null;
    const type = String.fromCharCode(...typeBytes);
    if (first && type !== "IHDR") return null;
    const end = i + 12 + length;
    if (PNG_KEPT.has(type)) {
      parts.push(b.subarray(i, end));
    } else if (type === "eXIf" && orientation === 1) {
      orientation = readExifOrientation(b.subarray(i + 8, i + 8 + length));
      if (orientation !== 1) parts.push(pngChunk("eXIf", orientationTiff(orientation)));
    }
    if (type === "IEND") return { bytes: concat(parts), orientation };
    i = end;
  }
}

// ── WebP ────────────────────────────────────────────────────────────────────────────────────────────────────────────

const u32le = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const le32 = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;
const IMAGE_CHUNKS = new Set(["VP8 ", "VP8L", "ANIM"]);
/** The chunks kept besides VP8X: the image, its alpha, the animation and its frames, the ICC profile. */
const WEBP_KEPT = new Set(["VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP"]);

/**
 * WebP (RIFF): copies VP8X and the chunks of `WEBP_KEPT` whole and drops every other one (EXIF, "XMP ", C2PA, any
 * unknown chunk), writes the RIFF size anew and clears the EXIF and XMP flags of VP8X (the EXIF one stays when the
 * orientation is kept, in a minimal EXIF chunk in the old one's place). Bytes after the RIFF's declared end are
 * dropped.
 */
function stripWebp(b: Uint8Array): StrippedPhoto | null {
  if (b.length < 20) return null;
  const riffEnd = 8 + u32le(b, 4);
  if (riffEnd < 20 || riffEnd > b.length) return null;
  const chunks: Uint8Array[] = [];
  let vp8x: Uint8Array | null = null;
  let hasImage = false;
  let orientation: Orientation = 1;
  let i = 12;
  while (i < riffEnd) {
    if (i + 8 > riffEnd) return null;
    const fourcc = String.fromCharCode(...b.subarray(i, i + 4));
    const size = u32le(b, i + 4);
    const dataEnd = i + 8 + size;
    if (dataEnd > riffEnd) return null;
    // A chunk of odd size is followed by a padding byte; some writers leave it off the last chunk.
    const padded = Math.min(dataEnd + (size & 1), riffEnd);
    if (i === 12 && fourcc !== "VP8X" && fourcc !== "VP8 " && fourcc !== "VP8L") return null;
    hasImage ||= IMAGE_CHUNKS.has(fourcc);
    const chunk = b.subarray(i, padded);
    if (fourcc === "VP8X") {
      if (size < 10 || vp8x) return null;
      vp8x = chunk.slice(); // a copy: its flags are changed below, the input never is
      chunks.push(vp8x);
    } else if (fourcc === "EXIF") {
      if (orientation === 1) {
        orientation = readExifOrientation(b.subarray(i + 8, dataEnd));
        const tiff = orientationTiff(orientation);
        if (orientation !== 1) chunks.push(concat([ascii("EXIF"), le32(tiff.length), tiff]));
      }
    } else if (WEBP_KEPT.has(fourcc)) {
      chunks.push(chunk);
    }
    i = padded;
  }
  if (!hasImage) return null;
  if (vp8x) vp8x[8] &= ~(VP8X_XMP | (orientation === 1 ? VP8X_EXIF : 0));
  const body = concat(chunks);
  return { bytes: concat([ascii("RIFF"), le32(4 + body.length), ascii("WEBP"), body]), orientation };
}
