/**
 * Hand-built metadata planted into the tiny real images of `images.ts`, the way a phone or an editor writes it: an
 * EXIF (TIFF) structure with the owner, the camera and a GPS position, XMP, IPTC, comments, PNG text chunks. Each
 * planted value carries a string a test can search the stored bytes for. Built independently of `lib/domain` (PNG
 * CRCs by node:zlib), so the tests do not check the code with itself.
 */
import { crc32, deflateSync } from "node:zlib";
import { TINY_JPEG, TINY_PNG, TINY_WEBP } from "./images";

/** Strings that must not survive stripping, one per kind of metadata. */
export const PLANTED = {
  gps: "GPS-52.2297N-21.0122E",
  owner: "Jan Kowalski",
  camera: "AcmePhone SN-0042",
  xmp: "XMP-Lat-52.2297",
  comment: "Comment from the camera",
  iptc: "IPTC-By-Line Kowalska",
  pngText: "PNG-Author Kowalski",
  mpf: "MPF secondary image",
} as const;

export const bytes = (...parts: (number[] | string | Uint8Array)[]) =>
  new Uint8Array(
    parts.flatMap((p) =>
      typeof p === "string" ? [...Buffer.from(p, "latin1")] : p instanceof Uint8Array ? [...p] : p,
    ),
  );

/** Whether `needle` occurs anywhere in `haystack` (as latin1 text). */
export const contains = (haystack: Uint8Array, needle: string) =>
  Buffer.from(haystack).indexOf(Buffer.from(needle, "latin1")) >= 0;

// ── EXIF (TIFF) ─────────────────────────────────────────────────────────────────────────────────────────────────────

type Entry = { tag: number; type: number; count: number; data: number[] };

function tiffWriter(little: boolean) {
  const u16 = (n: number) => (little ? [n & 0xff, n >> 8] : [n >> 8, n & 0xff]);
  const u32 = (n: number) => (little ? [...u16(n & 0xffff), ...u16(n >>> 16)] : [...u16(n >>> 16), ...u16(n & 0xffff)]);
  const ascii = (tag: number, text: string): Entry => {
    const data = [...Buffer.from(`${text}\0`, "latin1")];
    return { tag, type: 2, count: data.length, data };
  };
  const short = (tag: number, value: number): Entry => ({ tag, type: 3, count: 1, data: u16(value) });
  const long = (tag: number, value: number): Entry => ({ tag, type: 4, count: 1, data: u32(value) });
  const rationals = (tag: number, values: [number, number][]): Entry => ({
    tag,
    type: 5,
    count: values.length,
    data: values.flatMap(([n, d]) => [...u32(n), ...u32(d)]),
  });
  const undefinedBytes = (tag: number, text: string): Entry => {
    const data = [...Buffer.from(text, "latin1")];
    return { tag, type: 7, count: data.length, data };
  };
  /** One IFD at `start`: entries, no next IFD, then the values longer than 4 bytes. */
  const ifd = (entries: Entry[], start: number): number[] => {
    const sorted = [...entries].sort((a, b) => a.tag - b.tag);
    let dataAt = start + 2 + 12 * sorted.length + 4;
    const head: number[] = [...u16(sorted.length)];
    const tail: number[] = [];
    for (const e of sorted) {
      head.push(...u16(e.tag), ...u16(e.type), ...u32(e.count));
      if (e.data.length <= 4) {
        head.push(...e.data, ...Array(4 - e.data.length).fill(0));
      } else {
        head.push(...u32(dataAt));
        const padded = e.data.length % 2 ? [...e.data, 0] : e.data;
        tail.push(...padded);
        dataAt += padded.length;
      }
    }
    return [...head, ...u32(0), ...tail];
  };
  const ifdSize = (entries: Entry[]) => ifd(entries, 0).length;
  return { u16, u32, ascii, short, long, rationals, undefinedBytes, ifd, ifdSize };
}

/**
 * A phone's EXIF as a TIFF structure: IFD0 with Make (the camera and its serial), Artist (the owner), Orientation
 * (unless null) and a pointer to a GPS IFD with latitude, longitude and a processing method holding `PLANTED.gps`.
 */
export function exifTiff({ orientation = 6 as number | null, little = true } = {}): Uint8Array {
  const w = tiffWriter(little);
  const gps: Entry[] = [
    w.ascii(0x0001, "N"),
    w.rationals(0x0002, [
      [52, 1],
      [13, 1],
      [4692, 100],
    ]),
    w.ascii(0x0003, "E"),
    w.rationals(0x0004, [
      [21, 1],
      [0, 1],
      [4392, 100],
    ]),
    w.undefinedBytes(0x001b, `ASCII\0\0\0${PLANTED.gps}`),
  ];
  const ifd0 = (gpsAt: number): Entry[] => [
    w.ascii(0x010f, PLANTED.camera),
    w.ascii(0x013b, PLANTED.owner),
    ...(orientation === null ? [] : [w.short(0x0112, orientation)]),
    w.long(0x8825, gpsAt),
  ];
  const gpsAt = 8 + w.ifdSize(ifd0(0));
  const header = little ? [0x49, 0x49, ...w.u16(42), ...w.u32(8)] : [0x4d, 0x4d, ...w.u16(42), ...w.u32(8)];
  return new Uint8Array([...header, ...w.ifd(ifd0(gpsAt), 8), ...w.ifd(gps, gpsAt)]);
}

export const xmpPacket = () =>
  `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="${PLANTED.xmp}" exif:Artist="${PLANTED.owner}"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

// ── JPEG ────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** A marker segment: 0xFF, the code, the length (payload + 2), the payload. */
export const segment = (code: number, payload: Uint8Array | string) => {
  const data = typeof payload === "string" ? bytes(payload) : payload;
  return bytes([0xff, code, (data.length + 2) >> 8, (data.length + 2) & 0xff], data);
};

/** The JFIF APP0 of TINY_JPEG (its first 20 bytes after SOI) and the rest of it (tables, frame, scan, EOI). */
export const JPEG_JFIF = TINY_JPEG.subarray(2, 20);
export const JPEG_IMAGE = TINY_JPEG.subarray(20);

export const exifApp1 = (tiff: Uint8Array = exifTiff()) => segment(0xe1, bytes("Exif\0\0", tiff));
export const xmpApp1 = () => segment(0xe1, bytes("http://ns.adobe.com/xap/1.0/\0", xmpPacket()));
export const comSegment = () => segment(0xfe, PLANTED.comment);
/** Photoshop's APP13 with an IPTC by-line (2:80). */
export const iptcApp13 = () =>
  segment(
    0xed,
    bytes("Photoshop 3.0\0", "8BIM", [0x04, 0x04, 0, 0], [0, 0, 0, 26], [0x1c, 2, 80, 0, 21], PLANTED.iptc, [0]),
  );
/** A (fake, short) ICC profile in APP2, which must stay. */
export const iccApp2 = () => segment(0xe2, bytes("ICC_PROFILE\0", [1, 1], "colour-profile-bytes"));
/** Adobe's APP14 (version 100, flags, transform 1 = YCbCr), which must stay. */
export const adobeApp14 = () => segment(0xee, bytes("Adobe", [0, 100, 0, 0, 0, 0, 1]));
/** An MPF APP2 (multi-picture: index of the images appended after EOI). */
export const mpfApp2 = () => segment(0xe2, bytes("MPF\0", "MM", [0, 0x2a, 0, 0, 0, 8], PLANTED.mpf));

/** A JPEG as a phone writes it: SOI, JFIF, the given segments, then the image (tables, frame, scan, EOI). */
export const jpegWith = (...segments: Uint8Array[]) => bytes([0xff, 0xd8], JPEG_JFIF, ...segments, JPEG_IMAGE);

// ── PNG ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

export function pngChunk(type: string, data: Uint8Array | string): Uint8Array {
  const body = bytes(type, typeof data === "string" ? bytes(data) : data);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length - 4);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return bytes(length, body, crc);
}

/** TINY_PNG's chunks, whole: IHDR, IDAT, IEND. */
export const PNG_SIGNATURE = TINY_PNG.subarray(0, 8);
export const PNG_IHDR = TINY_PNG.subarray(8, 33);
export const PNG_IDAT_IEND = TINY_PNG.subarray(33);

/** TINY_PNG with chunks placed between IHDR and IDAT, where writers put metadata. */
export const pngWith = (...chunks: Uint8Array[]) => bytes(PNG_SIGNATURE, PNG_IHDR, ...chunks, PNG_IDAT_IEND);

export const pngMetadataChunks = (tiff: Uint8Array = exifTiff()) => [
  pngChunk("tEXt", `Author\0${PLANTED.pngText}`),
  pngChunk("zTXt", bytes("Comment\0\0", deflateSync(Buffer.from(PLANTED.comment)))),
  pngChunk("iTXt", bytes("XML:com.adobe.xmp\0\0\0\0\0", xmpPacket())),
  pngChunk("tIME", bytes([0x07, 0xea, 5, 16, 10, 30, 0])),
  pngChunk("eXIf", tiff),
];

// ── WebP ────────────────────────────────────────────────────────────────────────────────────────────────────────────

export function webpChunk(fourcc: string, data: Uint8Array | string): Uint8Array {
  const payload = typeof data === "string" ? bytes(data) : data;
  const size = Buffer.alloc(4);
  size.writeUInt32LE(payload.length);
  return bytes(fourcc, size, payload, payload.length % 2 ? [0] : []);
}

export function riff(...chunks: Uint8Array[]): Uint8Array {
  const body = bytes("WEBP", ...chunks);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return bytes("RIFF", size, body);
}

/** TINY_WEBP's "VP8 " chunk. */
export const WEBP_VP8 = TINY_WEBP.subarray(12);

/** VP8X for the 4×2 canvas with the given flags (0x20 ICC, 0x10 alpha, 0x08 EXIF, 0x04 XMP, 0x02 animation). */
export const vp8x = (flags: number) => webpChunk("VP8X", bytes([flags, 0, 0, 0], [3, 0, 0], [1, 0, 0]));

/** An extended WebP as an editor writes it: VP8X with EXIF and XMP flags, the image, then EXIF and XMP chunks. */
export const webpWithMetadata = (tiff: Uint8Array = exifTiff()) =>
  riff(vp8x(0x08 | 0x04), WEBP_VP8, webpChunk("EXIF", tiff), webpChunk("XMP ", xmpPacket()));
