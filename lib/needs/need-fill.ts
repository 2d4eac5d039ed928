import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { needs } from "@/db/schema";
import { acceptedVolunteers, isAnswerable, loadNeed } from "./need-core";

/**
 * Keeps a need's status in step with its engagements: `filled` once the accepted volunteers reach the number
 * needed, `open` again when one drops out while the need still takes answers. Call inside the transaction that
 * changed its engagements.
 */
export async function refreshNeedFill(tx: Db, needId: string, now: Date): Promise<"open" | "filled" | null> {
  const need = await loadNeed(tx, needId, true);
  const accepted = await acceptedVolunteers(tx, needId);
  if (need.status === "open" && accepted >= need.volunteersNeeded) {
    await tx.update(needs).set({ status: "filled", closedAt: now, updatedAt: now }).where(eq(needs.id, needId));
    return "filled";
  }
  if (need.status === "filled" && accepted < need.volunteersNeeded && isAnswerable({ ...need, status: "open" }, now)) {
    await tx.update(needs).set({ status: "open", closedAt: null, updatedAt: now }).where(eq(needs.id, needId));
    return "open";
  }
  return null;
}
