/**
 * The one EXIF tag a photo keeps: Orientation (0x0112), which tells a viewer how to turn the stored pixels. Phones
 * store the sensor's pixels as they came and set this tag instead of rotating them, so a photo stripped of it would
 * show on its side. Values 1–8 as TIFF 6.0 defines them; 1 is "as stored".
 */
export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const ORIENTATION_TAG = 0x0112;
const SHORT = 3;

/** "Exif\0\0": how a JPEG APP1 segment (and some WebP and PNG writers) prefix the TIFF structure. */
export const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00] as const;

export function hasPrefix(bytes: Uint8Array, prefix: ArrayLike<number>, at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/**
 * The Orientation of a TIFF structure (the body of EXIF: byte order, 42, the offset of IFD0, then IFD0's entries),
 * read from IFD0 as browsers read it: type SHORT, count 1, value 1–8. Anything else — no tag, another type, a value
 * out of range, offsets pointing outside the bytes — is 1: the metadata is dropped anyway, and a viewer would not
 * turn the photo for it either. Never reads outside `tiff`.
 */
export function readTiffOrientation(tiff: Uint8Array): Orientation {
  if (tiff.length < 8) return 1;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49; // "II"
  const big = tiff[0] === 0x4d && tiff[1] === 0x4d; // "MM"
  if (!little && !big) return 1;
  const u16 = (at: number) => (little ? tiff[at] | (tiff[at + 1] << 8) : (tiff[at] << 8) | tiff[at + 1]);
  const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 0x10000 : u16(at) * 0x10000 + u16(at + 2));
  if (u16(2) !== 42) return 1;
  const ifd = u32(4);
  if (ifd < 8 || ifd + 2 > tiff.length) return 1;
  const entries = u16(ifd);
  // The whole IFD (count, entries, next-IFD offset) must be there; so the minimal TIFF is never longer than this one.
  if (ifd + 2 + 12 * entries + 4 > tiff.length) return 1;
  for (let k = 0; k < entries; k++) {
    const entry = ifd + 2 + 12 * k;
    if (u16(entry) !== ORIENTATION_TAG) continue;
    if (u16(entry + 2) !== SHORT || u32(entry + 4) !== 1) return 1;
    const value = u16(entry + 8);
    return value >= 1 && value <= 8 ? (value as Orientation) : 1;
  }
  return 1;
}

/** The orientation of an EXIF payload that may or may not start with "Exif\0\0" (WebP and PNG writers differ). */
export const readExifOrientation = (payload: Uint8Array): Orientation =>
  readTiffOrientation(hasPrefix(payload, EXIF_HEADER) ? payload.subarray(EXIF_HEADER.length) : payload);

/**
 * The smallest TIFF structure that holds an Orientation and nothing else (26 bytes, big-endian): header, IFD0 with
 * one SHORT entry, no next IFD.
 */
export function orientationTiff(orientation: Orientation): Uint8Array {
  // biome-ignore format: one line per part of the structure
  return Uint8Array.of(
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // "MM", 42, IFD0 at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, // 0x0112 SHORT ×1 = orientation
    0x00, 0x00, 0x00, 0x00, // no next IFD
  );
}
