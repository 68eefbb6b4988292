/**
 * mulberry32: a tiny seeded PRNG, so benchmarks seed the same data on every run and driver,
 * and the fault suite can replay a kill sequence. Not for anything that must be unpredictable.
 * Hand-written: six lines, and no package of that size is worth a dependency.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
