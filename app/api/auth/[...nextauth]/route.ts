import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { withRequestId } from "@/lib/log/logger";
import { requestIdFrom } from "@/lib/log/request-id";

// The request id of the proxy (or a new one) on every log line of a sign-in.
export const GET = (request: NextRequest) => withRequestId(requestIdFrom(request.headers), () => handlers.GET(request));
export const POST = (request: NextRequest) =>
  withRequestId(requestIdFrom(request.headers), () => handlers.POST(request));
