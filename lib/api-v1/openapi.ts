import { z } from "zod";
import { API_KEY_RATE_LIMIT } from "@/lib/auth/server";
import { ERROR_CODES, errorSchema } from "./envelope";
import { OPENAPI_PATH, V1_ROUTES } from "./registry";
import type { AnyV1Route } from "./route-def";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the registry: the same zod schemas
 * the handlers validate inputs and check answers with, turned into JSON Schema (draft
 * 2020-12, which OpenAPI 3.1 uses) by zod 4's own `z.toJSONSchema` — no generator library.
 * Inputs are described as they are accepted (`io: "input"`: a default makes a parameter
 * optional), answers as they are sent (`io: "output"`).
 */
type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  // Refinements (decimal strings, calendar days) have no JSON Schema form: their base type and pattern stand.
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  return rest;
}

const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: "BadRequest", description: "Invalid query or body: `error.fields` lists each field and what is wrong with it." },
  401: { name: "Unauthorized", description: "No session and no API key, or a key that is malformed, unknown, revoked, expired, or whose creator left the workspace." },
  403: { name: "Forbidden", description: "The role is too low for this route (the message names the role needed)." },
  404: { name: "NotFound", description: "No such resource in the caller's workspace: another workspace's id looks the same as a made-up one." },
  409: { name: "Conflict", description: "The request clashes with the state of things (a venue asked to wait; the queue refused)." },
  429: {
    name: "RateLimited",
    description: `The API key is over its rate limit (${API_KEY_RATE_LIMIT.maxRequests} requests per ${API_KEY_RATE_LIMIT.timeWindow} ms window, per key). Wait the Retry-After seconds.`,
  },
};

function parameters(route: AnyV1Route): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    const s = jsonSchema(schema, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const { description, ...propSchema } = prop;
      out.push({ name, in: where, required: where === "path" || (s.required ?? []).includes(name), ...(description ? { description } : {}), schema: propSchema });
    }
  }
  return out;
}

const ref = (kind: "schemas" | "responses", name: string) => ({ $ref: `#/components/${kind}/${name}` });

function operation(route: AnyV1Route): Json {
  const statuses = [400, 401, ...(route.role === "viewer" ? [] : [403]), 404, ...(route.method === "POST" ? [409] : []), 429];
  const responses: Json = {
    [route.response.status]: {
      description: route.response.status === 202 ? "Accepted" : "OK",
      content: { "application/json": { schema: ref("schemas", route.response.name) } },
    },
  };
  for (const s of statuses) responses[s] = ref("responses", ERROR_RESPONSES[s]!.name);
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    "x-role": route.role,
    description: `${route.description ? `${route.description}\n\n` : ""}Needs the **${route.role}** role or higher in the workspace (a person's, or the API key's).`,
    parameters: parameters(route),
    ...(route.method === "POST"
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body, "input") } } } }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(): Json {
  const paths: Record<string, Json> = {};
  const schemas: Record<string, Json> = { Error: jsonSchema(errorSchema, "output") };
  for (const route of V1_ROUTES) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
    schemas[route.response.name] = jsonSchema(route.response.schema, "output");
  }
  paths[OPENAPI_PATH] = {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      description: "Public: it describes the API and holds no data, so it needs no session or key.",
      tags: ["Meta"],
      security: [],
      responses: { 200: { description: "The OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  const responses: Record<string, Json> = {};
  for (const [status, r] of Object.entries(ERROR_RESPONSES)) {
    responses[r.name] = {
      description: `${r.description} Code \`${ERROR_CODES[Number(status) as keyof typeof ERROR_CODES]}\`.`,
      ...(status === "429" ? { headers: { "Retry-After": { description: "Seconds to wait before the next request.", schema: { type: "integer", minimum: 0 } } } } : {}),
      ...(status === "401"
        ? { headers: { "WWW-Authenticate": { description: 'How to authenticate: `Bearer realm="venuefolio"`.', schema: { type: "string" } } } }
        : {}),
      content: { "application/json": { schema: ref("schemas", "Error") } },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Venuefolio API",
      version: "1",
      description: [
        "Read a workspace's connections, holdings, orders with their audit trail, snapshots, equity, cash flows and sync history; start a sync.",
        "Authenticate with an API key (`Authorization: Bearer vf_…`, made in Settings → API keys) or the browser's session cookie. Every resource is the caller's workspace's: a key's own, or the person's active one.",
        "Lists are `{ data: [...], nextCursor }`: pass `nextCursor` back as `?cursor=` until it is null. Single resources are `{ data: {...} }`. Errors are `{ error: { code, message, fields? } }`.",
        "Money and quantities are decimal strings, exact; times ISO 8601 in UTC.",
        `Rate limit: ${API_KEY_RATE_LIMIT.maxRequests} requests per ${API_KEY_RATE_LIMIT.timeWindow / 1000} s window per API key, then 429 with Retry-After.`,
      ].join("\n\n"),
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { cookie: [] }],
    tags: [...new Set(V1_ROUTES.map((r) => r.tag)), "Meta"].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      responses,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "vf_ followed by 64 letters", description: "An API key, as made in Settings → API keys." },
        cookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "The browser's session, when signed in." },
      },
    },
  };
}
