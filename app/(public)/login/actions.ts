"use server";

import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { publicAction } from "@/app/_lib/action";
import { signIn } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";

const loginSchema = z.object({
  email: z.string().trim().min(1, "required").max(320, "too_long").pipe(z.email("email")),
  password: z.string().min(1, "required").max(1024, "too_long"),
  next: z.string().max(500).optional(),
});

/** Only a path on this site, never another host (`//evil.example` included). */
const safeNext = (next?: string) => (next && /^\/(?!\/)[\w\-/?=&%.]*$/.test(next) ? next : "/dashboard");

export const loginAction = publicAction(loginSchema, async ({ input }) => {
  let location: string;
  try {
    location = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") throw new AppError("rate_limited");
    if (error instanceof AuthError) throw new AppError("invalid_credentials");
    throw error;
  }
  if (new URL(location, "http://x").searchParams.has("error")) throw new AppError("invalid_credentials");
  redirect(safeNext(input.next));
});
