// The registry and the route files agree, both ways, and the document built from the
// registry is OpenAPI 3.1 in shape: version, paths, schemas, security schemes, the error
// responses, path parameters matching the templates, and every $ref resolving.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { OPENAPI_PATH, V1_ROUTES } from "./registry";

const V1_DIR = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir = V1_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}

/** `app/api/v1/orders/[id]/route.ts` → `/api/v1/orders/{id}`. */
const apiPath = (file: string) => `/${path.relative(path.join(process.cwd(), "app"), path.dirname(file)).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument() as Json & { paths: Record<string, Record<string, Json>>; components: Record<string, Record<string, Json>> };

describe("the v1 registry and the route files", () => {
  it("every route file's exported methods are registry entries, and every entry has its file and method", async () => {
    const served: string[] = [];
    for (const file of routeFiles()) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const m of METHODS) if (typeof mod[m] === "function") served.push(`${m} ${apiPath(file)}`);
    }
    const registered = [...V1_ROUTES.map((r) => `${r.method} ${r.path}`), `GET ${OPENAPI_PATH}`];
    expect(served.sort()).toEqual(registered.sort());
    expect(new Set(registered).size).toBe(registered.length);
  });

  it("gives each route a unique operation id and response schema name", () => {
    expect(new Set(V1_ROUTES.map((r) => r.operationId)).size).toBe(V1_ROUTES.length);
    expect(new Set(V1_ROUTES.map((r) => r.response.name)).size).toBe(V1_ROUTES.length);
  });
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with info, paths and component schemas", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: "1" });
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set([...V1_ROUTES.map((r) => r.path), OPENAPI_PATH])].sort());
    expect(Object.keys(doc.components.schemas!)).toEqual(expect.arrayContaining(["Error", ...V1_ROUTES.map((r) => r.response.name)]));
    for (const s of Object.values(doc.components.schemas!)) expect(s).not.toHaveProperty("$schema");
  });

  it("has bearer and cookie security, required by default; the document itself is public", () => {
    expect(doc.components.securitySchemes).toMatchObject({ bearer: { type: "http", scheme: "bearer" }, cookie: { type: "apiKey", in: "cookie" } });
    expect(doc.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    expect(doc.paths[OPENAPI_PATH]!.get!.security).toEqual([]);
  });

  it("lists 400, 401, 404 and 429 (with Retry-After) on every route, 403 where a role above viewer is needed", () => {
    for (const r of V1_ROUTES) {
      const responses = doc.paths[r.path]![r.method.toLowerCase()]!.responses as Record<string, unknown>;
      expect(Object.keys(responses), r.operationId).toEqual(expect.arrayContaining([String(r.response.status), "400", "401", "404", "429"]));
      expect("403" in responses, r.operationId).toBe(r.role !== "viewer");
    }
    expect(doc.components.responses!.RateLimited).toMatchObject({ headers: { "Retry-After": { schema: { type: "integer" } } } });
  });

  it("names each path template's parameters as required path parameters, and the query schema's as query ones", () => {
    for (const r of V1_ROUTES) {
      const params = doc.paths[r.path]![r.method.toLowerCase()]!.parameters as Array<{ name: string; in: string; required: boolean }>;
      const templated = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(params.filter((p) => p.in === "path").map((p) => p.name), r.operationId).toEqual(templated);
      expect(params.filter((p) => p.in === "path").every((p) => p.required)).toBe(true);
      expect(params.filter((p) => p.in === "query").map((p) => p.name).sort()).toEqual(Object.keys(r.query.shape).sort());
    }
    const orders = doc.paths["/api/v1/orders"]!.get!.parameters as Array<{ name: string; required: boolean; schema: Json }>;
    expect(orders.find((p) => p.name === "status")).toMatchObject({ required: false, schema: { enum: expect.arrayContaining(["open", "filled"]) } });
    expect(orders.find((p) => p.name === "limit")).toMatchObject({ required: false, schema: { default: 50, maximum: 200 } });
  });

  it("resolves every $ref inside the document", () => {
    const refs: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        for (const [k, x] of Object.entries(v)) {
          if (k === "$ref" && typeof x === "string") refs.push(x);
          else walk(x);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(V1_ROUTES.length);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\//);
      const target = ref
        .slice(2)
        .split("/")
        .reduce<unknown>((at, key) => (at && typeof at === "object" ? (at as Json)[key.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined), doc);
      expect(target, ref).toBeDefined();
    }
  });

  it("describes money as strings and the list envelope as data + nextCursor, from the handlers' own schemas", () => {
    const orderList = doc.components.schemas!.OrderList as { properties: { data: { items: { properties: Record<string, Json> } }; nextCursor: Json }; required: string[] };
    expect(orderList.required).toEqual(["data", "nextCursor"]);
    expect(orderList.properties.data.items.properties.price).toEqual({ type: ["string", "null"] });
    const summary = doc.components.schemas!.Summary as { properties: { data: { properties: Record<string, Json> } } };
    expect(summary.properties.data.properties.equity).toEqual({ type: ["string", "null"] });
    const snapshots = doc.components.schemas!.SnapshotList as { properties: { data: { items: { properties: Record<string, Json> } } } };
    expect(snapshots.properties.data.items.properties.equity).toMatchObject({ type: "string", format: "decimal" });
    expect(doc.components.schemas!.Error).toMatchObject({ properties: { error: { required: ["code", "message"] } } });
  });
});
