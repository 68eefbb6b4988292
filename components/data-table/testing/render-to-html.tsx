import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";

/**
 * Test-only: renders a URL-state, query-backed component to HTML, at a given query string
 * and with a query cache the test seeded, the way a server render with prefetching would.
 */
export function renderToHtml(ui: ReactNode, { search, client }: { search: string; client: QueryClient }): string {
  return renderToString(
    <NuqsTestingAdapter searchParams={search}>
      <QueryClientProvider client={client}>{ui}</QueryClientProvider>
    </NuqsTestingAdapter>,
  );
}
