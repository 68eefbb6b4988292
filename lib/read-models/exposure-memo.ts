// The exposure engine's answers, remembered by the content of their input.
//
// Why: the engine is pure and its answer for a 500-position portfolio costs about 20 ms of
// exact decimal arithmetic (netting, six allocation dimensions, concentration), while its
// input only changes when a sync writes new holdings or a snapshot. Between syncs every
// view of /exposure (a team's browsers, their refetches) asks the same question. The key is
// a SHA-256 of the input itself, not a version number, so no write path has to remember to
// invalidate it: different holdings, prices or equity are a different key. A plain Map in
// insertion order is the whole eviction policy; a library would add nothing at this size.
import { createHash } from "node:crypto";
import { calculateExposure, type ExposureInput, type ExposureResult } from "@/lib/engines/exposure";

/** Workspaces × selections that can stay warm; each answer is a few hundred kB at most. */
const CAPACITY = 16;
const answers = new Map<string, ExposureResult>();

export function memoizedExposure(input: ExposureInput): { result: ExposureResult; reused: boolean } {
  const key = createHash("sha256").update(JSON.stringify(input)).digest("base64");
  const known = answers.get(key);
  if (known) {
    // Most recently used last: the oldest entry is the one evicted.
    answers.delete(key);
    answers.set(key, known);
    return { result: known, reused: true };
  }
  const result = calculateExposure(input);
  answers.set(key, result);
  if (answers.size > CAPACITY) answers.delete(answers.keys().next().value!);
  return { result, reused: false };
}

/** Tests only: start cold. */
export function forgetExposureAnswers(): void {
  answers.clear();
}
