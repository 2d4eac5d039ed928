import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { assertSafeKey, type FileStore } from "./file-store";

/**
 * Files in a folder (`UPLOADS_DIR`). With several instances the folder must be the same for all of them (an NFS
 * mount, or use S3). A file is written under a temporary name in its own folder, flushed, then renamed: a rename
 * within one file system is atomic, so a reader (another instance too) sees the whole file or none. Temporary names
 * start with a dot, which no key can, so they never collide with a stored file.
 */
export class LocalFileStore implements FileStore {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    assertSafeKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  /** The content type is not kept: the caller's row has it. */
  async put(key: string, bytes: Uint8Array, _contentType?: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = path.join(path.dirname(target), `.upload-${randomUUID()}`);
    try {
      const file = await open(temporary, "wx");
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Uint8Array<ArrayBuffer> | null> {
    try {
      const file = await readFile(this.pathOf(key));
      return new Uint8Array(file.buffer as ArrayBuffer, file.byteOffset, file.byteLength);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
