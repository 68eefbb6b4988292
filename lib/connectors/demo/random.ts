/**
 * Stateless randomness: every draw is a hash of (seed, stream, index…), so any point of
 * the simulation can be computed directly, in any order, with the same result.
 */
function mix(h: number): number {
  // murmur3 finaliser: spreads every input bit over the output.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h);
}

/** Uniform in [0, 1) for the given key. */
export function uniform(seed: number, ...parts: number[]): number {
  let h = seed;
  for (const p of parts) h = mix(h ^ mix(p + 0x9e3779b9));
  return h / 4294967296;
}

/** Standard normal draw (Box–Muller over two keyed uniforms). */
export function gaussian(seed: number, ...parts: number[]): number {
  const u1 = Math.max(uniform(seed, ...parts, 1), 1e-12);
  const u2 = uniform(seed, ...parts, 2);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
