"use client";

import { ScrollRegion } from "@/components/ui/scroll-region";
import { API_KEY_PREFIX } from "@/lib/auth/api-key-format";
import { useOrigin } from "./use-origin";

/**
 * What a key is for and how to send it; with `empty`, also why there is no list yet. A
 * client component only for the origin in the example, which the browser knows for sure.
 */
export function KeyUsage({ empty = false }: { empty?: boolean }) {
  const origin = useOrigin() || "https://venuefolio.example";
  const example = `curl -H "Authorization: Bearer ${API_KEY_PREFIX}…" ${origin}/api/v1/summary`;
  return (
    <div className={empty ? "rounded-lg border border-dashed border-line p-5 text-sm text-fg-muted" : "text-sm text-fg-muted"}>
      {empty && <p className="font-medium text-fg">No API keys yet</p>}
      <p className={empty ? "mt-1" : ""}>
        A key lets a script or another tool read this workspace through its JSON API without signing in, acting with the role you give it: a
        viewer key reads, a member key may also start a Resync. Send it in the Authorization header:
      </p>
      <ScrollRegion label="Example request with an API key" className="mt-3 bg-surface-2">
        <pre className="p-3 text-xs text-fg">
          <code data-testid="api-key-example">{example}</code>
        </pre>
      </ScrollRegion>
      <p className="mt-2">
        Every resource, its parameters and answers are in the{" "}
        <a href="/api/v1/openapi.json" className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300" data-testid="openapi-link">
          OpenAPI document
        </a>{" "}
        (/api/v1/openapi.json). Keys work only for the API (/api/…), never to sign in to these pages.
      </p>
    </div>
  );
}
