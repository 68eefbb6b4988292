/**
 * Runs in the browser before any app module. Zod probes whether it may compile parsers with
 * `new Function` the first time it builds an object schema; under our CSP (no 'unsafe-eval'
 * in production) the probe is refused and the browser reports a CSP violation, although zod
 * catches it and falls back. Jitless skips the probe; the fallback parser is what ran anyway.
 */
import { z } from "zod";

z.config({ jitless: true });
