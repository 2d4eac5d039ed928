import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { storageConfig } from "@/lib/storage/config";
import { assertSafeKey, isSafeKey, newStorageKey } from "@/lib/storage/file-store";
import { LocalFileStore } from "@/lib/storage/local-file-store";

const dir = mkdtempSync(path.join(tmpdir(), "wsp-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("storage keys", () => {
  it("are made by us: an area and a random UUID, and are safe", () => {
    const key = newStorageKey("photos");
    expect(key).toMatch(/^photos\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isSafeKey(key)).toBe(true);
    expect(newStorageKey("photos")).not.toBe(key);
  });

  it.each([
    "",
    "../etc/passwd",
    "photos/../../secret",
    "photos/..",
    "/photos/a",
    "photos//a",
    "photos/a/",
    "photos\\a",
    "photos/a.jpg",
    "Photos/A",
    "photos/a b",
    "photos/a\u0000",
    "photos/%2e%2e",
    "photos/-a",
    `photos/${"a".repeat(200)}`,
  ])("refuses %j before any file is touched", (key) => {
    expect(isSafeKey(key)).toBe(false);
    expect(() => assertSafeKey(key)).toThrow(/unsafe storage key/);
  });
});

describe("LocalFileStore", () => {
  const store = new LocalFileStore(dir);

  it("writes a file whole under its key, reads it back, and deletes it (twice is fine)", async () => {
    const key = newStorageKey("photos");
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await store.put(key, bytes, "image/png");
    expect(readFileSync(path.join(dir, key))).toEqual(Buffer.from(bytes));
    expect(await store.get(key)).toEqual(bytes);
    // No temporary file stays behind.
    expect(readdirSync(path.join(dir, "photos")).filter((n) => n.startsWith("."))).toEqual([]);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it("answers null for a key with no file", async () => {
    expect(await store.get(newStorageKey("photos"))).toBeNull();
  });

  it("refuses an unsafe key for every operation", async () => {
    await expect(store.put("../outside", new Uint8Array([1]), "image/png")).rejects.toThrow(/unsafe/);
    await expect(store.get("photos/../../etc/passwd")).rejects.toThrow(/unsafe/);
    await expect(store.delete("/tmp")).rejects.toThrow(/unsafe/);
    expect(readdirSync(path.dirname(dir)).includes("outside")).toBe(false);
  });
});

describe("storageConfig (the environment)", () => {
  const s3 = {
    STORAGE_DRIVER: "s3",
    S3_ENDPOINT: "https://s3.example.pl/",
    S3_BUCKET: "wspoldzielnia-zdjecia",
    S3_REGION: "garage",
    S3_ACCESS_KEY_ID: "GK0123",
    S3_SECRET_ACCESS_KEY: "not-a-real-secret",
  };

  it("defaults to the uploads folder next to the embedded database", () => {
    expect(storageConfig({ DATA_DIR: "/var/lib/wspoldzielnia" })).toEqual({
      driver: "local",
      dir: "/var/lib/wspoldzielnia/uploads",
    });
    expect(storageConfig({})).toEqual({ driver: "local", dir: path.join(process.cwd(), ".data", "uploads") });
    expect(storageConfig({ STORAGE_DRIVER: "local", UPLOADS_DIR: "/srv/nfs/uploads", DATA_DIR: "/x" })).toEqual({
      driver: "local",
      dir: "/srv/nfs/uploads",
    });
  });

  it("reads an S3-compatible bucket, the endpoint without a trailing slash", () => {
    expect(storageConfig(s3)).toEqual({
      driver: "s3",
      endpoint: "https://s3.example.pl",
      bucket: "wspoldzielnia-zdjecia",
      region: "garage",
      accessKeyId: "GK0123",
      secretAccessKey: "not-a-real-secret",
    });
  });

  it("stops with a message naming every missing or malformed variable", () => {
    const { S3_BUCKET: _b, S3_SECRET_ACCESS_KEY: _s, ...missing } = s3;
    expect(() => storageConfig(missing)).toThrow(
      /STORAGE_DRIVER=s3 needs S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY\. S3_BUCKET is not set; S3_SECRET_ACCESS_KEY is not set\./,
    );
    expect(() => storageConfig({ ...s3, S3_ENDPOINT: "s3.example.pl" })).toThrow(/S3_ENDPOINT: an http/);
    expect(() => storageConfig({ ...s3, S3_BUCKET: "Bad_Bucket" })).toThrow(/S3_BUCKET: 3-63 lowercase/);
    expect(() => storageConfig({ ...s3, S3_REGION: "  " })).toThrow(/S3_REGION is not set/);
    expect(() => storageConfig({ STORAGE_DRIVER: "ftp" })).toThrow(/STORAGE_DRIVER must be "local" or "s3"/);
  });

  it("never puts the secret in the message", () => {
    const message = (() => {
      try {
        storageConfig({ ...s3, S3_ENDPOINT: "nope", S3_SECRET_ACCESS_KEY: "not-a-real-secret" });
        return "no error";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^STORAGE_DRIVER=s3 needs/);
    expect(message).not.toContain("not-a-real-secret");
  });
});
