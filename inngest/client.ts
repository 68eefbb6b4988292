import { Inngest } from "inngest";
import { env } from "@/lib/env";

/**
 * Cloud mode unless INNGEST_DEV=1 (a local dev server on :8288). With neither an event
 * key nor INNGEST_DEV the app never sends to Inngest: the in-process scheduler runs.
 */
export const inngest = new Inngest({ id: "venuefolio", isDev: env().INNGEST_DEV === "1" });
