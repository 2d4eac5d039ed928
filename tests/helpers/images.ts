/** A real 1×1 PNG (one grey pixel), 69 bytes: decodes in a browser, passes the magic-number check. */
export const TINY_PNG = new Uint8Array(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==", "base64"),
);

/**
 * A real 4×2 baseline JPEG (red left half, blue right), 309 bytes, made by Chromium's encoder: SOI, JFIF APP0, two
 * DQT, SOF0, four DHT, SOS, the scan, EOI. No metadata of its own; tests plant it (`tests/helpers/photo-metadata.ts`).
 */
export const TINY_JPEG = new Uint8Array(
  Buffer.from(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAZEAEAAgMAAAAAAAAAAAAAAAAAAgQzgbH/xAAVAQEBAAAAAAAAAAAAAAAAAAABBv/EABoRAAAHAAAAAAAAAAAAAAAAAAABAgQzcbH/2gAMAwEAAhEDEQA/AI+znlrgCoawIosA5mXZ6P/Z",
    "base64",
  ),
);

/** The same 4×2 picture as a simple lossy WebP (RIFF, one "VP8 " chunk), 90 bytes, from Chromium's encoder. */
export const TINY_WEBP = new Uint8Array(
  Buffer.from(
    "UklGRlIAAABXRUJQVlA4IEYAAACwAgCdASoEAAIAAsBMJagCdHIAqgDJAP0ABbtZeFgA/vXzDtZn/y5Pj1sg/f/+rQ/8FePWyD9/qnw0KlCdWxEDVQmXAAAA",
    "base64",
  ),
);
