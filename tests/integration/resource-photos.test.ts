import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { GET as servePhoto } from "@/app/api/files/photos/[photoId]/route";
import { POST as addPhotoRoute, GET as listPhotosRoute } from "@/app/api/v1/resources/[id]/photos/route";
import { provideDatabase } from "@/db/client";
import type { DatabaseHandle } from "@/db/connect";
import { auditLog, resourcePhotos, type resources } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { readTiffOrientation } from "@/lib/domain/exif-orientation";
import { MAX_PHOTO_BYTES } from "@/lib/domain/photo-file";
import { AppError } from "@/lib/errors";
import { type AddResourcePhotoInput, addResourcePhoto } from "@/lib/photos/add-resource-photo";
import { listResourcePhotos } from "@/lib/photos/list-resource-photos";
import { openResourcePhoto } from "@/lib/photos/open-resource-photo";
import { removeResourcePhoto } from "@/lib/photos/remove-resource-photo";
import { type FileStore, provideFileStore } from "@/lib/storage";
import { LocalFileStore } from "@/lib/storage/local-file-store";
import { apiMember, call } from "../helpers/api";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createMember, createOrganisation, createResource } from "../helpers/factories";
import { TINY_JPEG, TINY_PNG } from "../helpers/images";
import { contains, exifApp1, jpegWith, PLANTED, pngMetadataChunks, pngWith, xmpApp1 } from "../helpers/photo-metadata";

let h: DatabaseHandle;
const uploads = mkdtempSync(path.join(tmpdir(), "wsp-photos-"));
const store = new LocalFileStore(uploads);

beforeAll(async () => {
  h = await createTestDatabase();
  // The route handlers read the process-wide database and file store: point both at this file's own.
  provideDatabase(h);
  provideFileStore(store);
});
afterAll(async () => {
  await h?.close();
  rmSync(uploads, { recursive: true, force: true });
});

const PNG = TINY_PNG;
/** A real 4×2 JPEG without metadata: stored as it is. */
const JPEG = TINY_JPEG;
const WEBP = new Uint8Array(
  Buffer.from(
    "RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00",
    "latin1",
  ),
);

/** Files in the store, by key. */
function storedKeys(): string[] {
  const dir = path.join(uploads, "photos");
  try {
    return readdirSync(dir).map((name) => `photos/${name}`);
  } catch {
    return [];
  }
}

async function photoRows(resourceId?: string) {
  return h.db
    .select()
    .from(resourcePhotos)
    .where(resourceId ? eq(resourcePhotos.resourceId, resourceId) : undefined);
}

async function audits(action: string, entityIds?: string[]) {
  const [{ n }] = await h.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), entityIds ? inArray(auditLog.entityId, entityIds) : undefined));
  return Number(n);
}

/** Rows, files and audit entries together: a refused request changes none of them. */
async function footprint() {
  const [{ n }] = await h.db.select({ n: count() }).from(auditLog);
  return { rows: (await photoRows()).length, files: storedKeys().length, audit: Number(n) };
}

/** The AppError code (or "validation" for zod, "not_found" for a non-UUID id) a call fails with, or "ok". */
async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    if (error instanceof ZodError)
      return error.issues.every((i) => i.message === "not_found") ? "not_found" : "validation";
    throw error;
  }
}

/** The reasons by field of a refused upload: zod's for the form, an AppError's `field`/`reason`. */
async function reasonsOf(p: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await p;
  } catch (error) {
    if (error instanceof ZodError) {
      const reasons: Record<string, string> = {};
      for (const i of error.issues) reasons[String(i.path[0])] ??= i.message;
      return reasons;
    }
    if (error instanceof AppError && typeof error.details.field === "string") {
      return { [error.details.field]: String(error.details.reason) };
    }
    throw error;
  }
  throw new Error("expected a refusal");
}

const upload = (actor: Actor | null, input: Partial<AddResourcePhotoInput> & { resourceId: string }, s?: FileStore) =>
  addResourcePhoto(h.db, actor, { alt: "Sala z krzesłami w rzędach", file: PNG, ...input }, s ?? store);

describe(`resource photos (${testDriver})`, () => {
  let owner: typeof resources.$inferSelect;
  let archived: typeof resources.$inferSelect;
  let adminA: Actor;
  let memberA: Actor;
  let adminB: Actor;
  let coordinator: Actor;

  beforeAll(async () => {
    const leader = await createOrganisation(h.db, { name: "MOPS", isLeader: true });
    const orgA = await createOrganisation(h.db, { name: "Organizacja A" });
    const orgB = await createOrganisation(h.db, { name: "Organizacja B" });
    adminA = (await createMember(h.db, orgA.id, "admin")).actor;
    memberA = (await createMember(h.db, orgA.id, "member")).actor;
    adminB = (await createMember(h.db, orgB.id, "admin")).actor;
    coordinator = (await createMember(h.db, leader.id, "admin", { coordinator: true })).actor;
    expect(coordinator.coordinator).toBe(true);
    owner = await createResource(h.db, orgA.id, { name: "Świetlica" });
    archived = await createResource(h.db, orgA.id, { name: "Stara sala", status: "archived" });
  });

  it("an owner's member adds a photo: the row, the file with the same bytes, an audit entry; the type is sniffed", async () => {
    const before = await footprint();
    const photo = await upload(memberA, { resourceId: owner.id, alt: "  Wnętrze świetlicy, stoły i krzesła  " });
    expect(photo).toMatchObject({
      resourceId: owner.id,
      url: `/api/files/photos/${photo.id}`,
      alt: "Wnętrze świetlicy, stoły i krzesła",
      contentType: "image/png",
      byteSize: PNG.length,
      position: 1,
    });
    const [row] = await photoRows(owner.id);
    expect(row).toMatchObject({ id: photo.id, createdBy: memberA.userId, altText: photo.alt });
    expect(readFileSync(path.join(uploads, row.storageKey))).toEqual(Buffer.from(PNG));
    expect(await footprint()).toEqual({ rows: before.rows + 1, files: before.files + 1, audit: before.audit + 1 });
    const [entry] = await h.db.select().from(auditLog).where(eq(auditLog.entityId, photo.id));
    expect(entry).toMatchObject({
      action: "photo.create",
      entityType: "resource_photo",
      actorUserId: memberA.userId,
      organisationId: memberA.organisationId,
    });
    expect(entry.after).toMatchObject({ alt: photo.alt, contentType: "image/png", storageKey: row.storageKey });

    // JPEG and WebP too, each last in order; the declared type plays no part (there is none to declare).
    const jpeg = await upload(adminA, { resourceId: owner.id, file: JPEG, alt: "Wejście od ulicy" });
    const webp = await upload(adminA, { resourceId: owner.id, file: WEBP, alt: "Kuchnia" });
    expect([jpeg.contentType, jpeg.position, webp.contentType, webp.position]).toEqual([
      "image/jpeg",
      2,
      "image/webp",
      3,
    ]);
    expect((await listResourcePhotos(h.db, adminB, owner.id)).map((p) => p.id)).toEqual([photo.id, jpeg.id, webp.id]);
  });

  it("stores photos without what the camera wrote (GPS, owner, XMP, PNG text); the orientation stays", async () => {
    const hall = await createResource(h.db, adminA.organisationId, { name: "Sala na piętrze" });
    const phone = jpegWith(exifApp1(), xmpApp1());
    expect(contains(phone, PLANTED.gps)).toBe(true);
    const photo = await upload(memberA, { resourceId: hall.id, file: phone, alt: "Zdjęcie prosto z telefonu" });
    const [row] = await photoRows(hall.id);
    const stored = readFileSync(path.join(uploads, row.storageKey));
    for (const text of Object.values(PLANTED)) expect(contains(stored, text), text).toBe(false);
    // The recorded size is the stored file's; the picture itself is untouched, and the orientation (6) is kept.
    expect([photo.byteSize, row.byteSize]).toEqual([stored.length, stored.length]);
    expect(stored.length).toBeLessThan(phone.length);
    expect(stored.subarray(-(TINY_JPEG.length - 20))).toEqual(Buffer.from(TINY_JPEG.subarray(20)));
    const exif = stored.indexOf("Exif\0\0", 0, "latin1");
    expect(readTiffOrientation(stored.subarray(exif + 6))).toBe(6);
    // What is served is what was stored.
    expect(await (await openResourcePhoto(h.db, adminB, photo.id, store)).read()).toEqual(new Uint8Array(stored));

    const png = await upload(memberA, { resourceId: hall.id, file: pngWith(...pngMetadataChunks()), alt: "Zrzut" });
    const pngBytes = await (await openResourcePhoto(h.db, adminB, png.id, store)).read();
    for (const text of Object.values(PLANTED)) expect(contains(pngBytes, text), text).toBe(false);
    expect(png.byteSize).toBe(pngBytes.length);
  });

  it("only the owner's members may add: other partner forbidden, archived one not found, coordinator forbidden", async () => {
    const before = await footprint();
    expect(await codeOf(upload(null, { resourceId: owner.id }))).toBe("unauthenticated");
    expect(await codeOf(upload(adminB, { resourceId: owner.id }))).toBe("forbidden");
    expect(await codeOf(upload(adminB, { resourceId: archived.id }))).toBe("not_found");
    expect(await codeOf(upload(coordinator, { resourceId: owner.id }))).toBe("forbidden");
    expect(await codeOf(upload(adminA, { resourceId: "00000000-0000-4000-8000-000000000000" }))).toBe("not_found");
    expect(await codeOf(upload(adminA, { resourceId: "../../etc" }))).toBe("not_found");
    // Nothing was stored for any of them: no row, no file, no audit entry.
    expect(await footprint()).toEqual(before);
    // The owner may still add to its archived resource (it sees it; partners do not).
    expect(await codeOf(upload(memberA, { resourceId: archived.id, alt: "Sala przed remontem" }))).toBe("ok");
  });

  it("anyone who may see the resource sees its photos; another organisation's archived one is not found", async () => {
    const [shown] = await listResourcePhotos(h.db, adminB, owner.id);
    for (const reader of [adminA, memberA, adminB, coordinator]) {
      const opened = await openResourcePhoto(h.db, reader, shown.id, store);
      expect(opened).toMatchObject({ id: shown.id, contentType: "image/png", byteSize: PNG.length });
      expect(await opened.read()).toEqual(PNG);
    }
    const [hidden] = await listResourcePhotos(h.db, memberA, archived.id);
    expect(hidden.alt).toBe("Sala przed remontem");
    expect(await codeOf(listResourcePhotos(h.db, adminB, archived.id))).toBe("not_found");
    expect(await codeOf(listResourcePhotos(h.db, coordinator, archived.id))).toBe("not_found");
    expect(await codeOf(openResourcePhoto(h.db, adminB, hidden.id, store))).toBe("not_found");
    expect(await codeOf(openResourcePhoto(h.db, null, shown.id, store))).toBe("unauthenticated");
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000", "", "../photos"]) {
      expect(await codeOf(openResourcePhoto(h.db, adminA, id, store))).toBe("not_found");
      expect(await codeOf(listResourcePhotos(h.db, adminA, id))).toBe("not_found");
    }
    // A resource without photos lists none (and is not a 404).
    const empty = await createResource(h.db, adminB.organisationId);
    expect(await listResourcePhotos(h.db, adminA, empty.id)).toEqual([]);
  });

  it("refuses what is not a JPEG, PNG or WebP of at most 5 MB with a described photo, storing nothing", async () => {
    const before = await footprint();
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(PNG);
    const svg = new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'));
    const gif = new Uint8Array(Buffer.from("GIF89a\x01\x00\x01\x00", "latin1"));
    const cases: [Partial<AddResourcePhotoInput>, Record<string, string>][] = [
      [{ file: new Uint8Array() }, { file: "photo_missing" }],
      [{ file: big }, { file: "photo_too_big" }],
      [{ file: svg }, { file: "photo_type" }],
      [{ file: gif }, { file: "photo_type" }],
      // Malformed files of an accepted type: a JPEG cut short, a segment length past the end, a PNG without IEND.
      [{ file: TINY_JPEG.subarray(0, 200) }, { file: "photo_type" }],
      [{ file: new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x45, 0x78, 0x69, 0x66]) }, { file: "photo_type" }],
      [{ file: PNG.subarray(0, PNG.length - 12) }, { file: "photo_type" }],
      [{ alt: "ab" }, { alt: "alt_length" }],
      [{ alt: "   " }, { alt: "alt_length" }],
      [{ alt: "x".repeat(201) }, { alt: "alt_length" }],
      [{ alt: "x".repeat(1_000_000) }, { alt: "alt_length" }],
      [{ alt: "📷📷" }, { alt: "alt_length" }],
      [{ alt: "Zdjęcie\u0000" }, { alt: "invalid_text" }],
      // Both fields at once, so a form can mark both.
      [
        { alt: "", file: gif },
        { alt: "alt_length", file: "photo_type" },
      ],
    ];
    for (const [input, reasons] of cases) {
      expect(await reasonsOf(upload(adminA, { resourceId: owner.id, ...input })), JSON.stringify(reasons)).toEqual(
        reasons,
      );
    }
    expect(await footprint()).toEqual(before);
    // 200 characters (emoji counted as one each) are fine.
    expect(await codeOf(upload(adminA, { resourceId: archived.id, alt: `${"📷".repeat(10)}${"a".repeat(190)}` }))).toBe(
      "ok",
    );
  });

  it("refuses the 9th photo, and takes one again after a removal, last in order", async () => {
    const hall = await createResource(h.db, adminA.organisationId, { name: "Sala gimnastyczna" });
    const added = [];
    for (let i = 1; i <= 8; i++) added.push(await upload(adminA, { resourceId: hall.id, alt: `Zdjęcie numer ${i}` }));
    const before = await footprint();
    expect(await reasonsOf(upload(adminA, { resourceId: hall.id }))).toEqual({ file: "too_many_photos" });
    expect(await footprint()).toEqual(before);

    const removed = await removeResourcePhoto(h.db, memberA, { photoId: added[2].id }, store);
    expect(removed).toEqual({ id: added[2].id, resourceId: hall.id, deleted: true });
    const again = await upload(adminA, { resourceId: hall.id, alt: "Zdjęcie po usunięciu" });
    expect(again.position).toBe(9);
    expect((await listResourcePhotos(h.db, adminB, hall.id)).map((p) => p.position)).toEqual([1, 2, 4, 5, 6, 7, 8, 9]);
  });

  it("deletes the stored file when the row is refused after the upload (a race for the last place)", async () => {
    const hall = await createResource(h.db, adminA.organisationId);
    for (let i = 1; i <= 7; i++) await upload(adminA, { resourceId: hall.id, alt: `Zdjęcie ${i}` });
    // While this upload's file travels to the store, another upload takes the eighth place.
    const racing: FileStore = {
      put: async (key, bytes, type) => {
        await store.put(key, bytes, type);
        await upload(memberA, { resourceId: hall.id, alt: "Szybsze zdjęcie" });
      },
      get: (key) => store.get(key),
      delete: (key) => store.delete(key),
    };
    const files = storedKeys().length;
    expect(await reasonsOf(upload(adminA, { resourceId: hall.id }, racing))).toEqual({ file: "too_many_photos" });
    // The winner's file stays; the loser's is gone, and every file belongs to a row.
    expect(storedKeys().length).toBe(files + 1);
    const keys = (await photoRows()).map((r) => r.storageKey).sort();
    expect(storedKeys().sort()).toEqual(keys);
  });

  it("concurrent uploads never pass the limit, and leave no file without a row", async () => {
    const hall = await createResource(h.db, adminA.organisationId);
    for (let i = 1; i <= 6; i++) await upload(adminA, { resourceId: hall.id, alt: `Zdjęcie ${i}` });
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((i) => upload(i % 2 ? adminA : memberA, { resourceId: hall.id, alt: `Równoległe ${i}` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const r of results) {
      if (r.status === "rejected")
        expect(r.reason).toMatchObject({ code: "validation", details: { reason: "too_many_photos" } });
    }
    expect((await photoRows(hall.id)).map((r) => r.position).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(storedKeys().sort()).toEqual((await photoRows()).map((r) => r.storageKey).sort());
  });

  it("removes: the owner's members only, row then file, audited; others forbidden or not found", async () => {
    const photo = await upload(adminA, { resourceId: owner.id, alt: "Do usunięcia" });
    const [row] = await h.db.select().from(resourcePhotos).where(eq(resourcePhotos.id, photo.id));
    const hidden = await upload(adminA, { resourceId: archived.id, alt: "Ukryte zdjęcie" });
    const before = await footprint();
    expect(await codeOf(removeResourcePhoto(h.db, null, { photoId: photo.id }, store))).toBe("unauthenticated");
    expect(await codeOf(removeResourcePhoto(h.db, adminB, { photoId: photo.id }, store))).toBe("forbidden");
    expect(await codeOf(removeResourcePhoto(h.db, coordinator, { photoId: photo.id }, store))).toBe("forbidden");
    expect(await codeOf(removeResourcePhoto(h.db, adminB, { photoId: hidden.id }, store))).toBe("not_found");
    expect(await codeOf(removeResourcePhoto(h.db, adminA, { photoId: "nope" }, store))).toBe("not_found");
    expect(await footprint()).toEqual(before);

    await removeResourcePhoto(h.db, memberA, { photoId: photo.id }, store);
    expect(await footprint()).toEqual({ rows: before.rows - 1, files: before.files - 1, audit: before.audit + 1 });
    expect(storedKeys()).not.toContain(row.storageKey);
    expect(await audits("photo.delete", [photo.id])).toBe(1);
    expect(await codeOf(openResourcePhoto(h.db, adminA, photo.id, store))).toBe("not_found");
    expect(await codeOf(removeResourcePhoto(h.db, memberA, { photoId: photo.id }, store))).toBe("not_found");
  });

  it("the table refuses what the use-case would (type, size, alt text), whoever writes", async () => {
    const base = { resourceId: owner.id, storageKey: "photos/direct", byteSize: 10, altText: "Opis", position: 99 };
    for (const bad of [
      { contentType: "image/svg+xml" },
      { contentType: "image/png", byteSize: MAX_PHOTO_BYTES + 1 },
      { contentType: "image/png", altText: "ab" },
    ]) {
      await expect(h.db.insert(resourcePhotos).values({ ...base, ...bad })).rejects.toThrow();
    }
  });

  describe("over HTTP", () => {
    let readerToken: string;
    let ownerToken: string;
    let photoId: string;

    beforeAll(async () => {
      ownerToken = (await apiMember(h.db, adminA.organisationId, "member")).token;
      readerToken = (await apiMember(h.db, adminB.organisationId, "member")).token;
      photoId = (await listResourcePhotos(h.db, adminA, owner.id))[0].id;
    });

    const serve = (id: string, token?: string, headers?: Record<string, string>) =>
      servePhoto(
        new Request(`http://localhost/api/files/photos/${id}`, {
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        }),
        { params: Promise.resolve({ photoId: id }) },
      );

    it("serves the bytes with the stored type, nosniff, a day's private cache and the id as ETag", async () => {
      const response = await serve(photoId, readerToken);
      expect(response.status).toBe(200);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        "content-type": "image/png",
        "x-content-type-options": "nosniff",
        "cache-control": "private, max-age=86400, immutable",
        etag: `"${photoId}"`,
        "content-length": String(PNG.length),
      });
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
      const again = await serve(photoId, readerToken, { "if-none-match": `W/"${photoId}"` });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
    });

    it("answers 404 for unknown, malformed and invisible photos, 401 without a caller; never a 500", async () => {
      const hidden = (await listResourcePhotos(h.db, adminA, archived.id))[0].id;
      for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "..%2F..%2Fetc", hidden]) {
        const response = await serve(id, readerToken);
        expect(response.status, id).toBe(404);
        expect((await response.json()).error.code).toBe("not_found");
      }
      expect((await serve(hidden, ownerToken)).status).toBe(200);
      expect((await serve(photoId)).status).toBe(401);
    });

    it("lists a resource's photos as {items:[{id,url,alt,contentType}]}", async () => {
      const listed = await call(listPhotosRoute, {
        token: readerToken,
        path: `/api/v1/resources/${owner.id}/photos`,
        params: { id: owner.id },
      });
      expect(listed.status).toBe(200);
      expect(listed.json.items[0]).toEqual({
        id: photoId,
        url: `/api/files/photos/${photoId}`,
        alt: "Wnętrze świetlicy, stoły i krzesła",
        contentType: "image/png",
      });
      const hidden = await call(listPhotosRoute, {
        token: readerToken,
        path: `/api/v1/resources/${archived.id}/photos`,
        params: { id: archived.id },
      });
      expect(hidden.status).toBe(404);
    });

    const post = (
      resourceId: string,
      token: string,
      fields: { file?: Uint8Array<ArrayBuffer>; alt?: string; name?: string },
    ) => {
      const form = new FormData();
      if (fields.file) form.set("file", new Blob([fields.file], { type: "image/png" }), fields.name ?? "zdjecie.png");
      if (fields.alt !== undefined) form.set("alt", fields.alt);
      return addPhotoRoute(
        new Request(`http://localhost/api/v1/resources/${resourceId}/photos`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}` },
          body: form,
        }),
        { params: Promise.resolve({ id: resourceId }) },
      );
    };

    it("answers 400 to bodies that are not a proper upload (never a 500), storing nothing", async () => {
      const hall = await createResource(h.db, adminA.organisationId);
      const before = await footprint();
      const raw = (body: BodyInit | null, headers: Record<string, string> = {}) =>
        addPhotoRoute(
          new Request(`http://localhost/api/v1/resources/${hall.id}/photos`, {
            method: "POST",
            headers: { authorization: `Bearer ${ownerToken}`, ...headers },
            body,
          }),
          { params: Promise.resolve({ id: hall.id }) },
        );
      const multipart = (fields: Record<string, string | Blob>) => {
        const form = new FormData();
        for (const [name, value] of Object.entries(fields)) form.set(name, value);
        return raw(form);
      };
      const cases: [string, Promise<Response>, Record<string, unknown>][] = [
        [
          "a multipart type over a body that is not",
          raw("hello", { "content-type": "multipart/form-data; boundary=x" }),
          { reason: "multipart_required" },
        ],
        [
          "a multipart type without a boundary",
          raw("hello", { "content-type": "multipart/form-data" }),
          { reason: "multipart_required" },
        ],
        ["no body", raw(null, { "content-type": "multipart/form-data; boundary=x" }), { reason: "multipart_required" }],
        [
          "a multipart body cut short",
          raw('--x\r\nContent-Disposition: form-data; name="alt"\r\n\r\nOpis', {
            "content-type": "multipart/form-data; boundary=x",
          }),
          { reason: "multipart_required" },
        ],
        ["no file field", multipart({ alt: "Opis zdjęcia" }), { fields: { file: "Wybierz plik ze zdjęciem." } }],
        [
          "the file as text",
          multipart({ alt: "Opis zdjęcia", file: "abc" }),
          { fields: { file: "Wybierz plik ze zdjęciem." } },
        ],
        [
          "a megabyte of alt text",
          multipart({ alt: "x".repeat(1_000_000), file: new Blob([PNG]) }),
          { fields: { alt: "Opisz zdjęcie w 3–200 znakach." } },
        ],
        [
          "the alt text as a file",
          multipart({ alt: new Blob(["Opis zdjęcia"]), file: new Blob([PNG]) }),
          { fields: { alt: "Opisz zdjęcie w 3–200 znakach." } },
        ],
      ];
      for (const [label, response, error] of cases) {
        const answer = await response;
        expect(answer.status, label).toBe(400);
        expect((await answer.json()).error, label).toMatchObject({ code: "validation", ...error });
      }
      expect(await footprint()).toEqual(before);
    });

    it("takes a multipart upload from the owner (201), refuses bad ones with the fields named", async () => {
      const hall = await createResource(h.db, adminA.organisationId);
      const created = await post(hall.id, ownerToken, { file: JPEG, alt: "Widok sali", name: "udaje.png" });
      expect(created.status).toBe(201);
      const body = await created.json();
      expect(body).toMatchObject({ alt: "Widok sali", contentType: "image/jpeg" });
      expect((await serve(body.id, readerToken)).headers.get("content-type")).toBe("image/jpeg");

      // A phone's photo sent through the API is served without its GPS position.
      const phone = await post(hall.id, ownerToken, { file: jpegWith(exifApp1()), alt: "Z telefonu" });
      expect(phone.status).toBe(201);
      const served = new Uint8Array(await (await serve((await phone.json()).id, readerToken)).arrayBuffer());
      expect(contains(served, PLANTED.gps)).toBe(false);
      expect(contains(served, PLANTED.owner)).toBe(false);
      const truncated = await post(hall.id, ownerToken, { file: jpegWith(exifApp1()).subarray(0, 100), alt: "Ucięte" });
      expect(truncated.status).toBe(400);
      expect((await truncated.json()).error.fields).toEqual({
        file: "To nie jest zdjęcie w formacie JPEG, PNG ani WebP.",
      });

      const bad = await post(hall.id, ownerToken, { file: new Uint8Array(Buffer.from("<svg/>")), alt: "a" });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.fields).toEqual({
        alt: "Opisz zdjęcie w 3–200 znakach.",
        file: "To nie jest zdjęcie w formacie JPEG, PNG ani WebP.",
      });
      expect((await post(hall.id, readerToken, { file: PNG, alt: "Cudze zdjęcie" })).status).toBe(403);
      expect((await post(archived.id, readerToken, { file: PNG, alt: "Cudze zdjęcie" })).status).toBe(404);
      const json = await addPhotoRoute(
        new Request(`http://localhost/api/v1/resources/${hall.id}/photos`, {
          method: "POST",
          headers: { authorization: `Bearer ${ownerToken}`, "content-type": "application/json" },
          body: JSON.stringify({ alt: "JSON" }),
        }),
        { params: Promise.resolve({ id: hall.id }) },
      );
      expect(json.status).toBe(400);
      // A body over the limit is refused while it is read, before any parsing.
      const huge = await post(hall.id, ownerToken, { file: new Uint8Array(MAX_PHOTO_BYTES + 100_000), alt: "Za duże" });
      expect(huge.status).toBe(400);
      expect((await huge.json()).error).toMatchObject({ code: "validation", reason: "photo_too_big" });
      expect(await photoRows(hall.id)).toHaveLength(2);
    });
  });
});
