// GET/POST/PUT /api/inngest — Inngest's endpoint: introspection, registration and function runs.
// Without Inngest configured the in-process scheduler does the work and nothing may call in:
// a 404 that names the missing settings, instead of the SDK's 500 about a signing key.
import { serve } from "inngest/next";
import { NextResponse } from "next/server";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { inngestEnabled } from "@/lib/env";

const inngestHandlers = serve({ client: inngest, functions });

const NOT_CONFIGURED = "Inngest is not configured: set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (or INNGEST_DEV=1)";

type Handler = typeof inngestHandlers.GET;

function whenConfigured(handler: Handler): Handler {
  return async (request, context) =>
    inngestEnabled() ? handler(request, context) : NextResponse.json({ error: NOT_CONFIGURED }, { status: 404 });
}

export const GET = whenConfigured(inngestHandlers.GET);
export const POST = whenConfigured(inngestHandlers.POST);
export const PUT = whenConfigured(inngestHandlers.PUT);
