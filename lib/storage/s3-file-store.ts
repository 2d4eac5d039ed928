import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import type { StorageConfig } from "./config";
import { assertSafeKey, type FileStore } from "./file-store";

type S3Config = Extract<StorageConfig, { driver: "s3" }>;

/** How long one request to the bucket may take; an upload is at most a few megabytes. */
const TIMEOUT_MS = 30_000;

/**
 * Objects in an S3-compatible bucket, addressed path-style (`<endpoint>/<bucket>/<key>`), which MinIO, Garage, Ceph
 * and AWS all accept. Requests are signed with AWS Signature Version 4 by aws4fetch; the body's SHA-256 is sent and
 * signed (`X-Amz-Content-Sha256`), so the server refuses a body changed on the way.
 */
export class S3FileStore implements FileStore {
  private readonly client: AwsClient;

  constructor(private readonly config: S3Config) {
    // aws4fetch retries 5xx and 429 answers with back-off; two retries keep a failing bucket from holding a request.
    this.client = new AwsClient({
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      region: config.region,
      service: "s3",
      retries: 2,
    });
  }

  private urlOf(key: string): string {
    assertSafeKey(key);
    return `${this.config.endpoint}/${this.config.bucket}/${key}`;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const response = await this.client.fetch(this.urlOf(key), {
      method: "PUT",
      body: bytes as Uint8Array<ArrayBuffer>,
      headers: {
        "Content-Type": contentType,
        "X-Amz-Content-Sha256": createHash("sha256").update(bytes).digest("hex"),
      },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw await failure("PUT", key, response);
    await response.body?.cancel();
  }

  async get(key: string): Promise<Uint8Array<ArrayBuffer> | null> {
    const response = await this.client.fetch(this.urlOf(key), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw await failure("GET", key, response);
    return new Uint8Array(await response.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const response = await this.client.fetch(this.urlOf(key), {
      method: "DELETE",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    // S3 answers 204 whether or not the key existed; some compatible servers answer 404 for a missing one.
    if (!response.ok && response.status !== 404) throw await failure("DELETE", key, response);
    await response.body?.cancel();
  }
}

/** An error naming the operation, the status and S3's error code (`NoSuchBucket`, `SignatureDoesNotMatch`, …). */
async function failure(method: string, key: string, response: Response): Promise<Error> {
  const text = await response.text().catch(() => "");
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
  return new Error(`S3 ${method} ${key} answered ${response.status}${code ? ` ${code}` : ""}`);
}
