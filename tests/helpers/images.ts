import { crc32 } from "node:zlib";

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

/**
 * A real, decodable PNG of at least `minBytes`: an 8-bit greyscale image 1024 pixels wide of pseudo-random pixels
 * (the same for the same size), as tall as needed. Its one IDAT holds a zlib stream of stored (uncompressed) deflate
 * blocks, so the file is as large as its pixels; it carries no metadata, so stripping leaves it byte for byte.
 */
export function largePng(minBytes: number): Uint8Array<ArrayBuffer> {
  const width = 1024;
  const height = Math.ceil(minBytes / (width + 1));
  // Each scanline: filter type 0 (none), then its pixels.
  const raw = Buffer.alloc(height * (width + 1));
  let seed = 0x2545f491;
  for (let y = 0; y < height; y++) {
    for (let x = 1; x <= width; x++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      raw[y * (width + 1) + x] = seed & 0xff;
    }
  }
  // zlib: header 0x78 0x01, stored blocks of at most 65,535 bytes (BFINAL on the last, LEN, NLEN), Adler-32.
  const blocks: Buffer[] = [Buffer.of(0x78, 0x01)];
  for (let at = 0; at < raw.length; at += 0xffff) {
    const block = raw.subarray(at, at + 0xffff);
    const header = Buffer.alloc(5);
    header[0] = at + 0xffff >= raw.length ? 1 : 0;
    header.writeUInt16LE(block.length, 1);
    header.writeUInt16LE(~block.length & 0xffff, 3);
    blocks.push(header, block);
  }
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | a) >>> 0);
  blocks.push(adler);

  const chunk = (type: string, data: Buffer) => {
    const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typeAndData));
    return Buffer.concat([length, typeAndData, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth; colour type 0 (greyscale), compression, filter and interlace methods 0
  const png = Buffer.concat([
    TINY_PNG.subarray(0, 8), // the signature
    chunk("IHDR", ihdr),
    chunk("IDAT", Buffer.concat(blocks)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}
