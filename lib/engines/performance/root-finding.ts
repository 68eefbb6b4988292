/**
 * Brent's method (inverse quadratic interpolation with bisection fallback), in the form of
 * scipy's brentq: it never leaves the bracket [a, b], so it cannot diverge. Returns NaN
 * when f(a) and f(b) have the same sign.
 */
export function brent(f: (x: number) => number, a: number, b: number, maxIterations = 200): number {
  const xtol = 2e-14;
  const rtol = 4 * Number.EPSILON;
  let xpre = a;
  let xcur = b;
  let fpre = f(xpre);
  let fcur = f(xcur);
  if (fpre === 0) return xpre;
  if (fcur === 0) return xcur;
  if (Math.sign(fpre) === Math.sign(fcur) || !Number.isFinite(fpre) || !Number.isFinite(fcur)) return NaN;

  let xblk = 0;
  let fblk = 0;
  let spre = 0;
  let scur = 0;
  for (let i = 0; i < maxIterations; i++) {
    if (fpre !== 0 && fcur !== 0 && Math.sign(fpre) !== Math.sign(fcur)) {
      xblk = xpre;
      fblk = fpre;
      spre = scur = xcur - xpre;
    }
    if (Math.abs(fblk) < Math.abs(fcur)) {
      // Keep the best estimate in xcur.
      xpre = xcur;
      xcur = xblk;
      xblk = xpre;
      fpre = fcur;
      fcur = fblk;
      fblk = fpre;
    }
    const delta = (xtol + rtol * Math.abs(xcur)) / 2;
    const sbis = (xblk - xcur) / 2;
    if (fcur === 0 || Math.abs(sbis) < delta) return xcur;

    if (Math.abs(spre) > delta && Math.abs(fcur) < Math.abs(fpre)) {
      let stry: number;
      if (xpre === xblk) {
        stry = (-fcur * (xcur - xpre)) / (fcur - fpre);
      } else {
        const dpre = (fpre - fcur) / (xpre - xcur);
        const dblk = (fblk - fcur) / (xblk - xcur);
        stry = (-fcur * (fblk * dblk - fpre * dpre)) / (dblk * dpre * (fblk - fpre));
      }
      if (2 * Math.abs(stry) < Math.min(Math.abs(spre), 3 * Math.abs(sbis) - delta)) {
        spre = scur;
        scur = stry;
      } else {
        spre = scur = sbis;
      }
    } else {
      spre = scur = sbis;
    }
    xpre = xcur;
    fpre = fcur;
    xcur += Math.abs(scur) > delta ? scur : sbis > 0 ? delta : -delta;
    fcur = f(xcur);
  }
  return NaN;
}

/**
 * Newton–Raphson until the step is below `tolerance`; NaN when it diverges, leaves the
 * domain (x ≤ lowerBound) or does not settle within the iteration budget.
 */
export function newton(
  f: (x: number) => number,
  df: (x: number) => number,
  start: number,
  options: { lowerBound: number; tolerance: number; maxIterations: number },
): number {
  let x = start;
  for (let i = 0; i < options.maxIterations; i++) {
    const step = f(x) / df(x);
    if (!Number.isFinite(step)) return NaN;
    x -= step;
    if (!(x > options.lowerBound) || !Number.isFinite(x)) return NaN;
    if (Math.abs(step) < options.tolerance) return x;
  }
  return NaN;
}
