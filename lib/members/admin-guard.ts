import { and, count, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { memberships, organisations } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Locks the organisation row (so two admins demoting each other at once cannot both win) and refuses a change
 * that would leave the organisation without an admin.
 */
export async function assertAnotherAdminRemains(tx: Db, organisationId: string, userId: string): Promise<void> {
  await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for("update");
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, "admin"),
        ne(memberships.userId, userId),
      ),
    );
  if ((row?.n ?? 0) === 0) throw new AppError("last_admin");
}
