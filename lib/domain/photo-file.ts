/** The image types a resource photo may be: what every browser shows, and nothing that can carry a script (SVG). */
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_RESOURCE = 8;
export const ALT_TEXT_MIN = 3;
export const ALT_TEXT_MAX = 200;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/**
 * The image type the bytes begin with (the format's magic number), whatever name or type the upload claimed; null
 * when they are none of JPEG, PNG and WebP.
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "image/webp";
  return null;
}

export type PhotoFileCheck = { ok: true; contentType: PhotoType } | { ok: false; reason: PhotoFileProblem };
export type PhotoFileProblem = "photo_missing" | "photo_too_big" | "photo_type";

/** Whether these bytes may be stored as a photo: present, at most `MAX_PHOTO_BYTES`, JPEG, PNG or WebP. */
export function checkPhotoFile(bytes: Uint8Array): PhotoFileCheck {
  if (bytes.length === 0) return { ok: false, reason: "photo_missing" };
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, reason: "photo_too_big" };
  const contentType = sniffPhotoType(bytes);
  return contentType ? { ok: true, contentType } : { ok: false, reason: "photo_type" };
}

/** Length as people count it (code points), as PostgreSQL's `char_length` does, not UTF-16 units. */
export const textLength = (text: string) => [...text].length;

/**
 * Whether a (trimmed) text alternative has `ALT_TEXT_MIN`–`ALT_TEXT_MAX` characters. Counting characters spreads the
 * string (6 MB of text: about 100 ms and 50 MB per request); a text longer than twice the maximum in UTF-16 units is
 * too long whatever it holds (a character is at most two units), so it is refused without being counted.
 */
export function altTextLengthOk(text: string): boolean {
  if (text.length > 2 * ALT_TEXT_MAX) return false;
  const n = textLength(text);
  return n >= ALT_TEXT_MIN && n <= ALT_TEXT_MAX;
}
