/**
 * The S3 adapter against a small S3 stand-in on loopback. This is a protocol test, not a real S3: no S3 server runs
 * on the build machines. The stand-in checks what a real server would refuse — the path-style address, the method,
 * the AWS Signature Version 4 (recomputed here from the request as received, with node:crypto, independently of
 * aws4fetch), the signed SHA-256 of the body — and keeps objects in memory so the bytes make the round trip.
 * Behaviour of real servers beyond that (multipart uploads, eventual consistency, quotas) is not covered.
 */
import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { newStorageKey } from "@/lib/storage/file-store";
import { S3FileStore } from "@/lib/storage/s3-file-store";

const BUCKET = "wsp-photos";
const REGION = "garage";
const ACCESS_KEY = "GKtest0123456789";
const SECRET = "test-secret-not-used-anywhere-else";

interface Seen {
  method: string;
  path: string;
  host: string;
  contentType?: string;
  payloadHash: string;
  signedHeaders: string[];
  verdict: "ok" | string;
}

const objects = new Map<string, { bytes: Buffer; contentType: string }>();
const seen: Seen[] = [];
let server: Server;
let endpoint: string;

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** AWS SigV4 as the S3 documentation defines it, for a request without a query string. */
function checkSignature(request: IncomingMessage, body: Buffer): { verdict: string; signedHeaders: string[] } {
  const auth = request.headers.authorization ?? "";
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!match) return { verdict: "AuthorizationHeaderMalformed", signedHeaders: [] };
  const [, accessKey, date, region, signedList, signature] = match;
  const signedHeaders = signedList.split(";");
  if (accessKey !== ACCESS_KEY) return { verdict: "InvalidAccessKeyId", signedHeaders };
  if (region !== REGION) return { verdict: "AuthorizationHeaderMalformed", signedHeaders };
  const amzDate = String(request.headers["x-amz-date"] ?? "");
  if (!amzDate.startsWith(date)) return { verdict: "AuthorizationHeaderMalformed", signedHeaders };
  for (const required of ["host", "x-amz-date", "x-amz-content-sha256"]) {
    if (!signedHeaders.includes(required)) return { verdict: `UnsignedHeader:${required}`, signedHeaders };
  }
  const payloadHash = String(request.headers["x-amz-content-sha256"]);
  // The body must be exactly what was signed (S3: XAmzContentSHA256Mismatch), unless the client chose not to sign
  // it, which S3 allows (aws4fetch does so for requests without a body).
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256(body)) {
    return { verdict: "XAmzContentSHA256Mismatch", signedHeaders };
  }
  const canonicalHeaders = signedHeaders
    .map(
      (name) =>
        `${name}:${String(request.headers[name] ?? "")
          .trim()
          .replace(/\s+/g, " ")}\n`,
    )
    .join("");
  const canonicalRequest = [request.method, request.url, "", canonicalHeaders, signedList, payloadHash].join("\n");
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, date), region), "s3"), "aws4_request");
  const expected = createHmac("sha256", key).update(stringToSign).digest("hex");
  return { verdict: expected === signature ? "ok" : "SignatureDoesNotMatch", signedHeaders };
}

const xmlError = (code: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const { verdict, signedHeaders } = checkSignature(request, body);
      const path = request.url ?? "";
      seen.push({
        method: request.method ?? "",
        path,
        host: String(request.headers.host),
        contentType: request.headers["content-type"],
        payloadHash: String(request.headers["x-amz-content-sha256"]),
        signedHeaders,
        verdict,
      });
      if (verdict !== "ok") {
        response.writeHead(403, { "content-type": "application/xml" }).end(xmlError(verdict));
        return;
      }
      // Path-style: /<bucket>/<key>; anything else names no bucket here.
      const prefix = `/${BUCKET}/`;
      if (!path.startsWith(prefix)) {
        response.writeHead(404, { "content-type": "application/xml" }).end(xmlError("NoSuchBucket"));
        return;
      }
      const key = path.slice(prefix.length);
      if (request.method === "PUT") {
        objects.set(key, { bytes: body, contentType: String(request.headers["content-type"]) });
        response.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` }).end();
      } else if (request.method === "GET") {
        const object = objects.get(key);
        if (!object) response.writeHead(404, { "content-type": "application/xml" }).end(xmlError("NoSuchKey"));
        else response.writeHead(200, { "content-type": object.contentType }).end(object.bytes);
      } else if (request.method === "DELETE") {
        objects.delete(key);
        response.writeHead(204).end();
      } else {
        response.writeHead(405).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
});

const store = (secretAccessKey = SECRET) =>
  new S3FileStore({ driver: "s3", endpoint, bucket: BUCKET, region: REGION, accessKeyId: ACCESS_KEY, secretAccessKey });

describe("S3FileStore speaks S3 to an S3-compatible server (protocol test against a stand-in)", () => {
  it("PUTs path-style with a valid signature over the body's SHA-256, GETs the same bytes, DELETEs", async () => {
    const key = newStorageKey("photos");
    const bytes = new Uint8Array(256 * 1024).map((_, i) => (i * 31) % 256);
    await store().put(key, bytes, "image/webp");

    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: "PUT",
      path: `/${BUCKET}/${key}`,
      host: endpoint.slice("http://".length),
      contentType: "image/webp",
      // The upload's own hash is signed, so the server refuses a body changed on the way.
      payloadHash: createHash("sha256").update(bytes).digest("hex"),
      verdict: "ok",
    });
    expect(seen[0].signedHeaders).toEqual(expect.arrayContaining(["host", "x-amz-content-sha256", "x-amz-date"]));
    // (Buffer.equals: a deep toEqual over 256 KiB takes seconds.)
    expect(objects.get(key)?.bytes.equals(bytes)).toBe(true);

    const back = await store().get(key);
    expect(back && Buffer.from(back).equals(bytes)).toBe(true);
    expect(seen[1]).toMatchObject({ method: "GET", path: `/${BUCKET}/${key}`, verdict: "ok" });

    await store().delete(key);
    expect(seen[2]).toMatchObject({ method: "DELETE", path: `/${BUCKET}/${key}`, verdict: "ok" });
    expect(objects.has(key)).toBe(false);
    expect(await store().get(key)).toBeNull();
    await expect(store().delete(key)).resolves.toBeUndefined();
  });

  it("fails with the server's error code when the signature is wrong, and stores nothing", async () => {
    const key = newStorageKey("photos");
    await expect(store("a-wrong-secret").put(key, new Uint8Array([1, 2, 3]), "image/png")).rejects.toThrow(
      `S3 PUT ${key} answered 403 SignatureDoesNotMatch`,
    );
    expect(objects.has(key)).toBe(false);
    expect(seen.every((s) => s.verdict === "SignatureDoesNotMatch")).toBe(true);
  });

  it("refuses an unsafe key without sending anything", async () => {
    await expect(store().get("../other-bucket/x")).rejects.toThrow(/unsafe storage key/);
    expect(seen).toEqual([]);
  });
});
