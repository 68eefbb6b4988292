import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  // Pages set their own title; the template names the app after it ("Orders · Venuefolio").
  title: { template: "%s · Venuefolio", default: "Venuefolio" },
  description: "Every venue, one exact portfolio.",
};

/** The document only: the app shell (sidebar, top bar) lives in app/(app)/layout.tsx. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
