import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { activeNavItem } from "./active-nav-item";
import { NAV_ITEMS, SHELL_NAV } from "./nav-items";

const APP_GROUP = path.resolve(__dirname, "../../app/(app)");

/** The URL of every page under app/(app): route groups "(x)" vanish from the path, as in Next.js. */
function routesOnDisk(): Set<string> {
  const pages = readdirSync(APP_GROUP, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "page.tsx");
  return new Set(
    pages.map((file) => {
      const segments = path.dirname(file).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s));
      return `/${segments.join("/")}`;
    }),
  );
}

describe("the sidebar lists exactly the pages that exist", () => {
  const routes = routesOnDisk();

  it("finds the overview page under the route group", () => {
    expect(routes.has("/")).toBe(true);
  });

  it.each(NAV_ITEMS.map((item) => [item.label, item] as const))("%s: shown if and only if its page exists", (_label, item) => {
    expect({ href: item.href, built: item.built }).toEqual({ href: item.href, built: routes.has(item.href) });
  });

  it("shows the built entries in the fixed order, each href once", () => {
    expect(SHELL_NAV.map((i) => i.href)).toEqual(NAV_ITEMS.filter((i) => routes.has(i.href)).map((i) => i.href));
    expect(new Set(NAV_ITEMS.map((i) => i.href)).size).toBe(NAV_ITEMS.length);
    expect(NAV_ITEMS.map((i) => i.label)).toEqual([
      "Overview", "Performance", "Exposure", "Orders", "Fills", "Funds",
      "Strategies", "Rebalance", "Connections", "Flows", "Syncs", "Alerts", "Settings",
    ]);
  });
});

describe("activeNavItem", () => {
  const items = [{ href: "/" }, { href: "/orders" }, { href: "/orders/open" }, { href: "/fills" }] as const;

  it("matches / only on the root", () => {
    expect(activeNavItem("/", items)?.href).toBe("/");
    expect(activeNavItem("/settings", items)).toBeUndefined();
  });

  it("matches a section and its sub-pages, the most specific entry winning", () => {
    expect(activeNavItem("/orders", items)?.href).toBe("/orders");
    expect(activeNavItem("/orders/123", items)?.href).toBe("/orders");
    expect(activeNavItem("/orders/open/7", items)?.href).toBe("/orders/open");
  });

  it("does not match a path that only shares a prefix", () => {
    expect(activeNavItem("/fillsx", items)).toBeUndefined();
  });
});
