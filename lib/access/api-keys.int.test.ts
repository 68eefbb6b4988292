// API keys end to end on a real runtime: made by the settings page's actions, sent as
// `Authorization: Bearer`, resolved by route handlers only; revoked, expired, disabled,
// unknown and malformed keys refused with a reason that never repeats the key.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listApiKeys } from "@/db/queries/api-keys";
import { addMember, createWorkspace } from "@/db/queries/workspaces";
import { apiKeys, workspaceMembers, workspaces } from "@/db/schema";
import { GET as getConnections } from "@/app/api/connections/route";
import { GET as getConnection } from "@/app/api/connections/[id]/route";
import { POST as postSync } from "@/app/api/sync/route";
import { createApiKey, revokeApiKey } from "@/lib/actions/api-keys";
import { API_KEY_PATTERN, API_KEY_START_LENGTH } from "@/lib/auth/api-key-format";
import { API_KEY_HTTP_PATHS } from "@/lib/auth/server";
import { requireScope, viewerOf } from "./scope";
import { mintApiKey, openAccessWorld, signUp, waitForOpenBatches, type AccessWorld } from "./test-support";

let currentHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => currentHeaders }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

let w: AccessWorld;
beforeAll(async () => {
  w = await openAccessWorld();
});
afterAll(async () => {
  await waitForOpenBatches(w);
  await w?.handle.close();
});

const bearer = (key: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${key}`, ...extra });
const listWith = (headers: Record<string, string>) => getConnections(new Request("http://localhost/api/connections", { headers }));
const oneWith = (id: string, headers: Record<string, string>) =>
  getConnection(new Request(`http://localhost/api/connections/${id}`, { headers }), { params: Promise.resolve({ id }) });
const syncWith = (headers: Record<string, string>) =>
  postSync(new Request("http://localhost/api/sync", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: "{}" }));

/** Creates a key through the page's action, as `as` (a cookie header). */
async function createThroughPage(as: string, input: { name: string; role: "admin" | "member" | "viewer"; expiresInDays?: number }) {
  currentHeaders = new Headers({ cookie: as });
  const res = await createApiKey(input);
  if (!res?.data) throw new Error(`createApiKey refused: ${JSON.stringify(res)}`);
  return res.data;
}

describe("making a key on the settings page", () => {
  it("gives the key once, stores only its hash, and lists it with its role and creator, never the key", async () => {
    const made = await createThroughPage(w.cookie.admin, { name: "reporting script", role: "viewer", expiresInDays: 30 });
    expect(made.key).toMatch(API_KEY_PATTERN);
    expect(made.start).toBe(made.key.slice(0, API_KEY_START_LENGTH));
    expect(Date.parse(made.expiresAt!) - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const [stored] = await w.handle.db.select().from(apiKeys).where(eq(apiKeys.id, made.id));
    expect(stored!.key).not.toContain(made.key.slice(API_KEY_START_LENGTH));
    expect(stored!.referenceId).toBe(w.personal.id);

    const listed = (await listApiKeys(w.handle.db, { ownerId: w.personal.id })).find((k) => k.id === made.id);
    expect(listed).toEqual({
      id: made.id,
      name: "reporting script",
      start: made.start,
      role: "viewer",
      createdAt: expect.any(Date),
      createdBy: { id: w.userId.admin, name: "admin" },
      lastUsedAt: null,
      expiresAt: expect.any(Date),
    });
    expect(JSON.stringify(listed)).not.toContain(stored!.key);
    expect(await listApiKeys(w.handle.db, { ownerId: w.other.id })).toEqual([]);
  });

  it("refuses a nameless key, naming the field, and makes nothing", async () => {
    currentHeaders = new Headers({ cookie: w.cookie.owner });
    const before = (await listApiKeys(w.handle.db, { ownerId: w.personal.id })).length;
    const res = await createApiKey({ name: "  ", role: "viewer" });
    expect(res?.validationErrors?.name?._errors).toEqual(["Give the key a name, such as the script that will use it"]);
    expect(await listApiKeys(w.handle.db, { ownerId: w.personal.id })).toHaveLength(before);
  });

  it("lets the plugin itself refuse a member making a workspace key (its access control has admins and owners only)", async () => {
    await expect(mintApiKey(w, { workspaceId: w.personal.id, creator: w.userId.member, role: "viewer" })).rejects.toThrow(/permission/);
    await expect(mintApiKey(w, { workspaceId: w.personal.id, creator: w.userId.admin, role: "viewer" })).resolves.toMatchObject({ key: expect.stringMatching(API_KEY_PATTERN) });
  });
});

describe("a route handler with Authorization: Bearer", () => {
  it("reads the key's workspace, and only it", async () => {
    const { key } = await createThroughPage(w.cookie.owner, { name: "reader", role: "viewer" });
    const res = await listWith(bearer(key));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { connections: Array<{ id: string }> }).connections.map((c) => c.id)).toEqual([w.personal.connectionId]);
    expect((await oneWith(w.personal.connectionId, bearer(key))).status).toBe(200);
    expect((await oneWith(w.other.connectionId, bearer(key))).status).toBe(404);
  });

  it("records the key's last use", async () => {
    const made = await createThroughPage(w.cookie.owner, { name: "last used", role: "viewer" });
    const lastUsed = async () => (await listApiKeys(w.handle.db, { ownerId: w.personal.id })).find((k) => k.id === made.id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const before = Date.now();
    expect((await listWith(bearer(made.key))).status).toBe(200);
    expect((await lastUsed())!.getTime()).toBeGreaterThanOrEqual(before - 5);
  });

  it("acts with the key's role: a viewer key may not Resync (403 naming the role), a member key may", async () => {
    const viewerKey = await createThroughPage(w.cookie.owner, { name: "viewer", role: "viewer" });
    const refused = await syncWith(bearer(viewerKey.key));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "This needs the member role or higher; this API key's role in Personal is viewer" });
    const memberKey = await createThroughPage(w.cookie.owner, { name: "member", role: "member" });
    expect((await syncWith(bearer(memberKey.key))).status).toBe(200);
  });

  it("is judged by the key alone: a bad key beside a valid cookie is still 401; another scheme leaves the cookie in charge", async () => {
    const res = await listWith(bearer("vf_" + "Q".repeat(64), { cookie: w.cookie.owner }));
    expect(res.status).toBe(401);
    expect((await listWith({ authorization: "Basic b3duZXI6cGFzcw==", cookie: w.cookie.owner })).status).toBe(200);
  });
});

describe("refused keys: 401 with the reason, never the key", () => {
  const refusal = async (headers: Record<string, string>) => {
    const res = await listWith(headers);
    const body = (await res.json()) as { error: string };
    return { status: res.status, error: body.error, authenticate: res.headers.get("www-authenticate") };
  };

  it.each([
    ["no key after Bearer", "Bearer"],
    ["a key too short", "Bearer vf_abc"],
    ["another prefix", `Bearer sk_${"a".repeat(64)}`],
    ["characters no key has", `Bearer vf_${"a".repeat(60)}' or 1=1`],
  ])("malformed: %s", async (_what, header) => {
    const r = await refusal({ authorization: header });
    expect(r).toEqual({ status: 401, error: expect.stringMatching(/^The API key is malformed/), authenticate: 'Bearer realm="venuefolio"' });
    const sent = header.slice("Bearer ".length);
    if (sent) expect(r.error).not.toContain(sent);
  });

  it("unknown (well formed, never made)", async () => {
    const key = "vf_" + "Z".repeat(64);
    const r = await refusal(bearer(key));
    expect(r).toMatchObject({ status: 401, error: "This API key is not valid: it is unknown or has been revoked" });
    expect(r.error).not.toContain(key);
  });

  it("revoked on the settings page: 401 from the next request on", async () => {
    const made = await createThroughPage(w.cookie.admin, { name: "to revoke", role: "viewer" });
    expect((await listWith(bearer(made.key))).status).toBe(200);
    currentHeaders = new Headers({ cookie: w.cookie.admin });
    expect((await revokeApiKey({ keyId: made.id }))?.data).toEqual({ revoked: made.id, name: "to revoke" });
    expect(await refusal(bearer(made.key))).toMatchObject({ status: 401, error: "This API key is not valid: it is unknown or has been revoked" });
    expect((await listApiKeys(w.handle.db, { ownerId: w.personal.id })).some((k) => k.id === made.id)).toBe(false);
  });

  it("expired", async () => {
    const made = await createThroughPage(w.cookie.owner, { name: "expiring", role: "viewer", expiresInDays: 1 });
    await w.handle.db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, made.id));
    expect(await refusal(bearer(made.key))).toMatchObject({ status: 401, error: expect.stringMatching(/^This API key has expired/) });
  });

  it("disabled", async () => {
    const made = await createThroughPage(w.cookie.owner, { name: "disabled", role: "viewer" });
    await w.handle.db.update(apiKeys).set({ enabled: false }).where(eq(apiKeys.id, made.id));
    expect(await refusal(bearer(made.key))).toMatchObject({ status: 401, error: "This API key is disabled" });
  });

  it("carrying no role (made past our action, as better-auth's own route would)", async () => {
    const { key } = await mintApiKey(w, { workspaceId: w.personal.id, creator: w.userId.owner, role: "viewer", grant: false });
    expect(await refusal(bearer(key))).toMatchObject({ status: 401, error: expect.stringMatching(/^This API key carries no role/) });
  });

  it("whose workspace no longer exists", async () => {
    const gone = await createWorkspace(w.handle.db, { name: "Short-lived", slug: "short-lived" });
    await addMember(w.handle.db, { workspaceId: gone.id, userId: w.userId.owner, role: "owner" });
    const { key } = await mintApiKey(w, { workspaceId: gone.id, creator: w.userId.owner, role: "viewer" });
    expect((await listWith(bearer(key))).status).toBe(200);
    await w.handle.db.delete(workspaces).where(eq(workspaces.id, gone.id));
    expect(await refusal(bearer(key))).toMatchObject({ status: 401, error: "This API key's workspace no longer exists" });
  });
});

describe("a key never does more than its creator may now", () => {
  it("is capped at a demoted creator's role, and opens nothing once they have left", async () => {
    const person = await signUp(w.auth, { email: "temp-admin@example.com", name: "Temp" });
    await addMember(w.handle.db, { workspaceId: w.personal.id, userId: person.userId, role: "admin" });
    const { key } = await mintApiKey(w, { workspaceId: w.personal.id, creator: person.userId, role: "member" });
    const membership = eq(workspaceMembers.userId, person.userId);

    await w.handle.db.update(workspaceMembers).set({ role: "viewer" }).where(membership);
    const capped = await syncWith(bearer(key));
    expect(capped.status).toBe(403);
    expect(await capped.json()).toEqual({ error: "This needs the member role or higher; this API key's role in Personal is viewer" });
    expect((await listWith(bearer(key))).status).toBe(200);

    await w.handle.db.delete(workspaceMembers).where(membership);
    const res = await listWith(bearer(key));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "The person who created this API key is no longer a member of Personal: an admin can create a new key" });
  });
});

describe("the key's rate limit", () => {
  it("answers 429 with Retry-After past 20 quick requests, then lets the key in again after a second's pause", async () => {
    const { key } = await createThroughPage(w.cookie.owner, { name: "busy", role: "viewer" });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 21; i++) {
      const res = await listWith(bearer(key));
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses).toEqual([...Array(20).fill(200), 429]);
    expect(limited!.headers.get("retry-after")).toBe("1");
    expect(await limited!.json()).toEqual({ error: "Too many requests with this API key: slow down and try again shortly" });
    await new Promise((r) => setTimeout(r, 1100));
    expect((await listWith(bearer(key))).status).toBe(200);
  });
});

describe("pages and server actions take the session cookie only", () => {
  it("finds no viewer behind a key, so a page or an action with only a key is 401", async () => {
    const { key } = await createThroughPage(w.cookie.owner, { name: "not for pages", role: "admin" });
    expect(await viewerOf(new Headers(bearer(key)))).toBeNull();
    await expect(requireScope(new Headers(bearer(key)), "viewer")).rejects.toMatchObject({ status: 401 });
    currentHeaders = new Headers(bearer(key));
    expect((await createApiKey({ name: "minted by a key", role: "viewer" }))?.serverError).toEqual({ status: 401, message: "Sign in first: this needs a session" });
  });
});

describe("better-auth's own API-key routes", () => {
  it("lists every browser-reachable API-key endpoint as closed (the others are server-only)", () => {
    const reachable = Object.values(w.auth.api as Record<string, { path?: string }>)
      .map((e) => e.path)
      .filter((p): p is string => typeof p === "string" && p.startsWith("/api-key/"));
    expect(reachable.sort()).toEqual([...API_KEY_HTTP_PATHS].sort());
  });

  it.each(["/api-key/create", "/api-key/create/", "//api-key/create", "/API-KEY/create", "/api%2Dkey/create", "/x/../api-key/create"])(
    "answers 404 to an owner at %s, and makes no key",
    async (path) => {
      const before = (await listApiKeys(w.handle.db, { ownerId: w.personal.id })).length;
      const res = await w.auth.handler(
        new Request(`http://localhost/api/auth${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: w.cookie.owner },
          body: JSON.stringify({ name: "raw", organizationId: w.personal.id }),
        }),
      );
      expect(res.status).toBe(404);
      expect(await listApiKeys(w.handle.db, { ownerId: w.personal.id })).toHaveLength(before);
    },
  );

  it.each(["/api-key/list", "/api-key/get"])("answers 404 at %s", async (path) => {
    const res = await w.auth.handler(new Request(`http://localhost/api/auth${path}?organizationId=${w.personal.id}&id=x`, { headers: { cookie: w.cookie.owner } }));
    expect(res.status).toBe(404);
  });
});
