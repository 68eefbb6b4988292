/**
 * The security headers as a browser receives them from the production build, and proof that
 * the policy does not break the page: a CSP strict enough to block Next's scripts or the
 * charts' styles would still pass a header-only unit test, but shows up here as a violation.
 */
import { expect, test, type Page, type Response } from "@playwright/test";

const FIXED = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  for (const [name, value] of Object.entries(FIXED)) expect(headers[name], `${name} on ${what}`).toBe(value);
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
    expect(headers["permissions-policy"], `permissions-policy on ${what}`).toContain(`${feature}=()`);
  }
  const csp = headers["content-security-policy"];
  expect(csp, `CSP on ${what}`).toMatch(/(^|; )script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic'(;|$)/);
  for (const directive of [
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp, `CSP on ${what}`).toContain(directive);
  }
  // A production build: no eval, and plain http here, so no HSTS.
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["strict-transport-security"], `HSTS on ${what} over http`).toBeUndefined();
}

function nonceOf(headers: Record<string, string>): string {
  return /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")![1]!;
}

/** Everything the browser says about CSP or Permissions-Policy, from the console and the DOM event. */
function watchPolicyViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Content-Security-Policy|Permissions-Policy|Permissions Policy/i.test(text)) seen.push(text);
  });
  page.on("pageerror", (err) => seen.push(`pageerror: ${err.message}`));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(
        `Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber})`,
      );
    });
  });
  return seen;
}

test("the dashboard, its scripts and assets carry the security headers, and the page runs under the CSP", async ({ page }) => {
  const violations = watchPolicyViolations(page);
  const assets: Response[] = [];
  page.on("response", (r) => {
    if (new URL(r.url()).pathname.startsWith("/_next/static/")) assets.push(r);
  });

  const response = await page.goto("/");
  expect(response!.status()).toBe(200);
  const headers = response!.headers();
  expectSecurityHeaders(headers, "/");

  // Next stamps this response's nonce on every script it renders; the charts prove they ran.
  await expect(page.getByTestId("equity-chart").locator(".recharts-area-curve")).toHaveCount(1);
  const nonce = nonceOf(headers);
  // Every script the server rendered carries it. Chunks the page loads later (a menu's code)
  // are added by those trusted scripts, which 'strict-dynamic' allows; the violation watch
  // below would catch anything it refused.
  const html = await response!.text();
  const rendered = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => /\snonce="([^"]*)"/.exec(m[0])?.[1] ?? "");
  expect(rendered.length).toBeGreaterThan(0);
  expect(new Set(rendered)).toEqual(new Set([nonce]));

  // Client-side work after hydration: a range switch re-renders the chart, a hover draws the tooltip.
  await page.getByRole("button", { name: "7D" }).click();
  await expect(page.getByRole("button", { name: "7D" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("equity-chart").locator(".recharts-area-curve")).toHaveCount(1);
  const chart = page.getByTestId("equity-chart").locator(".recharts-surface");
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId("equity-chart").locator(".recharts-tooltip-wrapper")).toBeVisible();

  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) expectSecurityHeaders(await asset.allHeaders(), asset.url());

  // A fresh nonce per response.
  const again = await page.reload();
  expect(nonceOf(again!.headers())).not.toBe(nonce);
  await expect(page.getByTestId("equity-chart").locator(".recharts-area-curve")).toHaveCount(1);

  expect(violations).toEqual([]);
});

test("route handlers and error pages carry the security headers", async ({ page }) => {
  const violations = watchPolicyViolations(page);

  const health = await page.goto("/api/health");
  expect(health!.status()).toBe(200);
  expectSecurityHeaders(health!.headers(), "/api/health");

  const inngest = await page.goto("/api/inngest");
  expect(inngest!.status()).toBe(404);
  expect(await inngest!.json()).toEqual({
    error: "Inngest is not configured: set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (or INNGEST_DEV=1)",
  });
  expectSecurityHeaders(inngest!.headers(), "/api/inngest");

  const missing = await page.goto("/no-such-page");
  expect(missing!.status()).toBe(404);
  expectSecurityHeaders(missing!.headers(), "a 404 page");
  await expect(page.getByText("This page could not be found.")).toBeVisible();

  expect(violations).toEqual([]);
});

test("HSTS only when the request arrived over https (a TLS-terminating proxy says so)", async ({ request }) => {
  const overHttps = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  const overHttp = await request.get("/api/health");
  expect(overHttp.headers()["strict-transport-security"]).toBeUndefined();
});
