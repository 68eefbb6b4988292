/** The pages that honour `?portfolio=`: the selector shows on these, and links between them keep it. */
export const PORTFOLIO_PAGES = ["/", "/performance", "/exposure", "/funds", "/strategies", "/rebalance"] as const;

/** The list pages only: a fund's own page (/funds/<id>) is that fund, whatever the selection. */
export function honoursPortfolio(pathname: string): boolean {
  const path = pathname.split("?")[0]!;
  return (PORTFOLIO_PAGES as readonly string[]).includes(path);
}

/** A nav link that carries the selection to another page that honours it; other pages get none. */
export function hrefWithPortfolio(href: string, portfolio: string | null): string {
  if (!portfolio || portfolio === "all" || !honoursPortfolio(href)) return href;
  return `${href}${href.includes("?") ? "&" : "?"}portfolio=${encodeURIComponent(portfolio)}`;
}
