import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  // Pages set their own title; the template names the app after it ("Orders · Venuefolio").
  title: { template: "%s · Venuefolio", default: "Venuefolio" },
  description: "Every venue, one exact portfolio.",
};

/** The document only: the app shell (sidebar, top bar) lives in app/(app)/layout.tsx. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page, the 404 included, renders per request: Next stamps the CSP nonce from
  // proxy.ts on its scripts only while rendering, so a page prerendered at build time would
  // have its scripts blocked.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
