import { randomUUID } from "node:crypto";

/**
 * Where uploaded files live, whichever backend holds them: a folder every instance sees (`LocalFileStore`) or an
 * S3-compatible bucket (`S3FileStore`). Keys are made by `newStorageKey` and never change, so a stored file is never
 * overwritten in place. The content type is recorded by the caller (the database row) and also given to `put`, so a
 * bucket serves its objects correctly to anyone reading it directly.
 */
export interface FileStore {
  /** Stores the bytes under `key` all at once: a reader sees the whole file or none. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when nothing is stored there. */
  get(key: string): Promise<Uint8Array<ArrayBuffer> | null>;
  /** Removes `key`; removing what is not there is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * Lowercase segments of letters, digits and single hyphens, separated by single slashes: no dots (so no `..`), no
 * leading slash, no backslash, nothing a path or a URL would read differently.
 */
const SAFE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

export const isSafeKey = (key: string) => key.length <= 200 && SAFE_KEY.test(key);

/** Keys are ours, never a user's file name; anything else reaching a store is a bug, refused before any I/O. */
export function assertSafeKey(key: string): void {
  if (!isSafeKey(key)) throw new Error(`refused an unsafe storage key: ${JSON.stringify(key.slice(0, 80))}`);
}

/** A new key in an area (`photos/2f1c…`): a random UUID, so keys cannot be guessed from each other. */
export const newStorageKey = (area: "photos") => `${area}/${randomUUID()}`;
