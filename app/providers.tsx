"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; per render on the server, so users never share a cache.
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchInterval: 60_000, retry: 1 } } }),
  );
  return (
    // NuqsAdapter: URL state (table sort, filters, cursor) goes through the app router.
    <NuqsAdapter>
      <QueryClientProvider client={client}>
        {children}
        {/* theme="system" follows prefers-color-scheme, like the rest of the UI. */}
        <Toaster theme="system" richColors closeButton position="bottom-right" />
      </QueryClientProvider>
    </NuqsAdapter>
  );
}
