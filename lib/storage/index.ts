import { type StorageConfig, storageConfig } from "./config";
import type { FileStore } from "./file-store";
import { LocalFileStore } from "./local-file-store";
import { S3FileStore } from "./s3-file-store";

export { type FileStore, newStorageKey } from "./file-store";

export function openFileStore(config: StorageConfig): FileStore {
  return config.driver === "s3" ? new S3FileStore(config) : new LocalFileStore(config.dir);
}

// Cached on globalThis like the database handle: one store per process, shared by separately bundled routes.
const holder = globalThis as { __wspFileStore?: FileStore };

/** The process-wide file store, from the environment on first use (`storageConfig` throws on a bad one). */
export function getFileStore(): FileStore {
  holder.__wspFileStore ??= openFileStore(storageConfig());
  return holder.__wspFileStore;
}

/** Makes `store` the process-wide one (tests driving route handlers use their own folder this way). */
export function provideFileStore(store: FileStore): void {
  holder.__wspFileStore = store;
}
