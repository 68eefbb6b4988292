import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "Venuefolio",
  description: "Every venue, one exact portfolio.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page, the 404 included, renders per request: Next stamps the CSP nonce from
  // proxy.ts on its scripts only while rendering, so a page prerendered at build time would
  // have its scripts blocked.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>
          <header className="border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-7xl items-center justify-between px-6 py-3">
              <span className="text-lg font-semibold tracking-tight">Venuefolio</span>
              <span className="text-xs text-slate-500">exact equity across every venue</span>
            </div>
          </header>
          <main className="mx-auto max-w-7xl px-6 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
