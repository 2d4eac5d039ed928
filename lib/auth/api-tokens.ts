import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { apiTokens, memberships, organisations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { hashToken, newToken } from "@/lib/members/tokens";
import type { Actor } from "./permissions";

export const TOKEN_PREFIX = "wsp_";

export const createApiTokenSchema = z.object({ name: z.string().trim().min(1, "required").max(100, "too_long") });

/** Creates a personal token acting as the actor in the actor's current organisation; the secret is returned once. */
export async function createApiToken(db: Db, actor: Actor | null, input: z.infer<typeof createApiTokenSchema>) {
  if (!actor) throw new AppError("unauthenticated");
  const { name } = createApiTokenSchema.parse(input);
  const token = `${TOKEN_PREFIX}${newToken()}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: actor.userId,
        organisationId: actor.organisationId,
        name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 10),
      })
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "api_token.create",
      entityType: "api_token",
      entityId: row.id,
      after: { name },
    });
    return { ...row, token };
  });
}

/** The actor's own tokens (never anyone else's). */
export async function listApiTokens(db: Db, actor: Actor | null) {
  if (!actor) throw new AppError("unauthenticated");
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      organisationId: apiTokens.organisationId,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
    .orderBy(apiTokens.createdAt);
}

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid("invalid") });

export async function revokeApiToken(db: Db, actor: Actor | null, input: z.infer<typeof revokeApiTokenSchema>) {
  if (!actor) throw new AppError("unauthenticated");
  const { tokenId } = revokeApiTokenSchema.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw new AppError("not_found");
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "api_token.revoke",
      entityType: "api_token",
      entityId: row.id,
    });
  });
}

/**
 * The query behind `actorFromApiToken`, built once per database handle: it runs on every API call, and building a
 * four-table select costs more than running it (a prepared statement on PostgreSQL).
 */
const tokenActorQueries = new WeakMap<Db, ReturnType<typeof buildTokenActorQuery>>();
function tokenActorQuery(db: Db) {
  let query = tokenActorQueries.get(db);
  if (!query) {
    query = buildTokenActorQuery(db);
    tokenActorQueries.set(db, query);
  }
  return query;
}

function buildTokenActorQuery(db: Db) {
  return db
    .select({
      id: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      organisationId: organisations.id,
      slug: organisations.slug,
      organisationName: organisations.name,
      isLeader: organisations.isLeader,
      role: memberships.role,
      coordinator: memberships.coordinator,
    })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.id, apiTokens.userId), eq(users.disabled, false)))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, apiTokens.userId), eq(memberships.organisationId, apiTokens.organisationId)),
    )
    .innerJoin(organisations, and(eq(organisations.id, apiTokens.organisationId), eq(organisations.status, "active")))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder("tokenHash")), isNull(apiTokens.revokedAt)))
    .limit(1)
    .prepare("api_token_actor");
}

/**
 * The actor behind a bearer token, read afresh like a session's and in one query: a revoked token, a disabled user,
 * a lost membership of the token's organisation or an inactive organisation means no actor. A token acts in its
 * one organisation only, so the actor's memberships list just that one.
 */
export async function actorFromApiToken(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await tokenActorQuery(db).execute({ tokenHash: hashToken(token) });
  if (!row) return null;
  // Record use at most once a minute, so a busy script does not write on every call.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    organisationId: row.organisationId,
    organisationSlug: row.slug,
    organisationName: row.organisationName,
    role: row.role,
    coordinator: row.coordinator && row.isLeader,
    memberships: [{ organisationId: row.organisationId, slug: row.slug, name: row.organisationName, role: row.role }],
  };
}
