import { createHash, randomBytes } from "node:crypto";

/** A URL-safe secret with 256 bits of entropy; only its hash is stored. */
export const newToken = () => randomBytes(32).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
