import sharp from "sharp";

/**
 * The report's equity chart, drawn as SVG on the server and rasterised with sharp (Telegram
 * shows a PNG inline; SVG it would send as a file). Hand-written SVG: recharts renders in a
 * browser DOM, and a polyline with two axis labels needs no charting library. A null point
 * (time nobody measured) breaks the line, as on the dashboard. Numbers are JS numbers here:
 * this is the chart's edge.
 */
export interface ChartPoint {
  at: string;
  equity: string | null;
}

const W = 800;
const H = 400;
const PAD = { left: 90, right: 20, top: 40, bottom: 40 };

const escXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const label = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });

export function renderEquitySvg(points: readonly ChartPoint[], p: { title: string; currency: string }): string {
  const xs = points.map((pt) => Date.parse(pt.at));
  const values = points.map((pt) => (pt.equity === null ? null : Number(pt.equity)));
  const known = values.filter((v): v is number => v !== null);
  const body: string[] = [];
  if (known.length > 0) {
    const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    let [lo, hi] = [Math.min(...known), Math.max(...known)];
    if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
    const sx = (x: number) => PAD.left + ((x - x0) / Math.max(1, x1 - x0)) * (W - PAD.left - PAD.right);
    const sy = (y: number) => PAD.top + (1 - (y - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
    const segments: string[][] = [[]];
    values.forEach((v, i) => {
      if (v === null) segments.push([]);
      else segments[segments.length - 1]!.push(`${sx(xs[i]!).toFixed(1)},${sy(v).toFixed(1)}`);
    });
    for (const s of segments.filter((s) => s.length > 0)) {
      body.push(`<polyline fill="none" stroke="#2563eb" stroke-width="2.5" points="${s.join(" ")}"/>`);
    }
    body.push(`<text x="${PAD.left - 8}" y="${PAD.top + 5}" text-anchor="end" font-size="14" fill="#374151">${escXml(label(hi))}</text>`);
    body.push(`<text x="${PAD.left - 8}" y="${H - PAD.bottom}" text-anchor="end" font-size="14" fill="#374151">${escXml(label(lo))}</text>`);
    body.push(`<text x="${PAD.left}" y="${H - 12}" font-size="13" fill="#6b7280">${escXml(new Date(x0).toISOString().slice(0, 10))}</text>`);
    body.push(`<text x="${W - PAD.right}" y="${H - 12}" text-anchor="end" font-size="13" fill="#6b7280">${escXml(new Date(x1).toISOString().slice(0, 10))}</text>`);
  } else {
    body.push(`<text x="${W / 2}" y="${H / 2}" text-anchor="middle" font-size="16" fill="#6b7280">No equity recorded in this range</text>`);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<line x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}" stroke="#d1d5db"/>`,
    `<text x="${PAD.left}" y="24" font-size="16" font-weight="bold" fill="#111827">${escXml(`${p.title} (${p.currency})`)}</text>`,
    ...body,
    `</svg>`,
  ].join("");
}

export async function renderEquityPng(points: readonly ChartPoint[], p: { title: string; currency: string }): Promise<Buffer> {
  return sharp(Buffer.from(renderEquitySvg(points, p))).png().toBuffer();
}
