/**
 * NaN-skipping statistics over a slice [from, to) of a float array, written as plain loops:
 * the performance metrics run over half a million points and must not allocate per call.
 */

export interface Moments {
  /** Count of non-NaN values. */
  n: number;
  mean: number;
  /** Σ (x − mean)², computed after the mean; exactly 0 for a constant series. */
  sumSquares: number;
}

/**
 * Two passes (mean first, then squared deviations) as numpy does. A constant series takes
 * a shortcut so that its mean is the value itself and its spread exactly 0: a naive sum of
 * 0.01 nine times is not 0.09, and a 1e-18 standard deviation would turn an infinite
 * Sharpe ratio into a huge finite one.
 */
export function moments(values: ArrayLike<number>, shift = 0, from = 0, to = values.length): Moments {
  let n = 0;
  let sum = 0;
  let first = NaN;
  let constant = true;
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    const x = v - shift;
    if (n === 0) first = x;
    else if (x !== first) constant = false;
    sum += x;
    n++;
  }
  if (n === 0) return { n: 0, mean: NaN, sumSquares: NaN };
  if (constant) return { n, mean: first, sumSquares: 0 };
  const mean = sum / n;
  let ss = 0;
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    const d = v - shift - mean;
    ss += d * d;
  }
  return { n, mean, sumSquares: ss };
}

/** Sample standard deviation (ddof = 1); NaN below two values, as numpy. */
export function sampleStd(m: Moments): number {
  return m.n < 2 ? NaN : Math.sqrt(m.sumSquares / (m.n - 1));
}

export function countValid(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
  return n;
}

/** Copy of the non-NaN values, typed for fast in-place selection. */
export function validCopy(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(countValid(values));
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) out[j++] = v;
  }
  return out;
}

/** Rearranges `a` so that a[k] is the k-th smallest value (Hoare's quickselect). */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    // Median of three as pivot keeps sorted and reverse-sorted input linear.
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!, y = a[mid]!, z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function minFrom(a: Float64Array, from: number): number {
  let m = Infinity;
  for (let i = from; i < a.length; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

/**
 * numpy.percentile(values, q) with the default linear method, NaN dropped: the virtual
 * index is (n − 1) · q/100 and neighbours are blended with numpy's two-sided lerp, so
 * results match numpy to the last bit. Mutates `a` (pass a copy); empty → NaN.
 */
export function percentileInPlace(a: Float64Array, q: number): number {
  const n = a.length;
  if (n === 0) return NaN;
  const position = (n - 1) * (q / 100);
  const lo = Math.floor(position);
  const t = position - lo;
  select(a, lo, 0, n - 1);
  const below = a[lo]!;
  if (t === 0 || lo + 1 >= n) return below;
  // After selection everything right of lo is ≥ a[lo]; the next order statistic is its minimum.
  const above = minFrom(a, lo + 1);
  const diff = above - below;
  return t >= 0.5 ? above - diff * (1 - t) : below + diff * t;
}

export function percentile(values: ArrayLike<number>, q: number): number {
  return percentileInPlace(validCopy(values), q);
}
