import type { NavItem } from "./nav-items";

/**
 * The nav entry a path belongs to: the longest href that is the path or a parent of it, so
 * /orders/123 highlights Orders. "/" matches only itself, or it would claim every page.
 */
export function activeNavItem<T extends Pick<NavItem, "href">>(pathname: string, items: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    const matches = item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
    if (matches && (!best || item.href.length > best.href.length)) best = item;
  }
  return best;
}
