/**
 * Sends the security headers (lib/security/headers.ts) on every response: pages, route
 * handlers, static files and errors. There is no matcher on purpose; a proxy without one runs
 * for `_next/static` and public files too, so nothing leaves without them.
 *
 * Each request gets a fresh script nonce. The CSP is also set on the request, because that
 * is where Next reads the nonce from while rendering and stamps it on its own scripts; that
 * only happens on dynamically rendered pages, which is why the root layout asks for the
 * request before rendering.
 */
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, requestIsHttps, securityHeaders } from "@/lib/security/headers";
import { REQUEST_PATH_HEADER } from "@/lib/access/next-path";

export function proxy(request: NextRequest) {
  const headers = securityHeaders({
    nonce: newNonce(),
    https: requestIsHttps(request.nextUrl.protocol, request.headers.get("x-forwarded-proto")),
    // Not configuration (so not lib/env): Next fixes NODE_ENV per build, "development" only under `next dev`.
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  // Overwrites whatever CSP the client sent, so a forged request header cannot pick the nonce.
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  // The page asked for, so a signed-out visit can be sent to /sign-in?next=<it> by the layout.
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
