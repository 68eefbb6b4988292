import type { TransferCandidate } from "./types";

/** A possible match of a withdrawal (`out`) and a deposit (`in`). */
export interface Edge {
  out: TransferCandidate;
  in: TransferCandidate;
}

export const pairKey = (outId: string, inId: string) => `${outId}→${inId}`;

/** The edges whose withdrawal and deposit each have no other edge in `edges`. */
export function uniqueEdges(edges: readonly Edge[]): Edge[] {
  const outs = new Map<string, number>();
  const ins = new Map<string, number>();
  for (const e of edges) {
    outs.set(e.out.id, (outs.get(e.out.id) ?? 0) + 1);
    ins.set(e.in.id, (ins.get(e.in.id) ?? 0) + 1);
  }
  return edges.filter((e) => outs.get(e.out.id) === 1 && ins.get(e.in.id) === 1);
}

/** Oldest withdrawal first, then by ids: the same input always gives the same order. */
export function byOutTime(a: Edge, b: Edge): number {
  return a.out.occurredAt.getTime() - b.out.occurredAt.getTime() || a.out.id.localeCompare(b.out.id) || a.in.id.localeCompare(b.in.id);
}
