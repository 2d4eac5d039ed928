import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { authSecret, isProduction } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log/logger";
import { verifyCredentials } from "./verify-credentials";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
  }
}

/** Codes end up in the sign-in redirect URL, so they say nothing about which part was wrong. */
class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}
class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

const credentialsSchema = z.object({
  email: z.string().trim().email().max(320),
  password: z.string().min(1).max(1024),
});

/** The client address for the per-address login limit; behind a proxy, the proxy's X-Forwarded-For. */
function clientAddress(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || null;
}

// The configuration is built per request, so `next build` never needs AUTH_SECRET.
const config = (): NextAuthConfig => ({
  secret: authSecret(),
  trustHost: process.env.AUTH_TRUST_HOST === "true" || !isProduction(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    error(error) {
      // A wrong password is an answer, not a server error.
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      log.error({ err: error }, "sign-in error");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        try {
          const user = await verifyCredentials(await getDb(), { ...parsed.data, ip: clientAddress(request) });
          return { id: user.id, email: user.email, name: user.name };
        } catch (error) {
          if (isAppError(error) && error.code === "rate_limited") throw new RateLimited();
          if (isAppError(error)) throw new InvalidCredentials();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid;
      return session;
    },
  },
});

export const { handlers, auth, signIn, signOut } = NextAuth(config);
