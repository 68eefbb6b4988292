import { z } from "zod";

/** A stored venue response's JSON contract (list entry and body chunk), free of server code. */
export const rawResponseSummarySchema = z.object({
  id: z.uuid(),
  endpoint: z.string(),
  capturedAt: z.iso.datetime({ offset: true }),
  bytes: z.number().int(),
  truncated: z.boolean(),
});
export type RawResponseSummary = z.infer<typeof rawResponseSummarySchema>;

export const rawChunkSchema = rawResponseSummarySchema.extend({
  text: z.string(),
  offset: z.number().int(),
  nextOffset: z.number().int().nullable(),
  totalChars: z.number().int(),
});
export type RawChunk = z.infer<typeof rawChunkSchema>;
