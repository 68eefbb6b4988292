"use client";

import { usePathname } from "next/navigation";
import { parseAsString, useQueryState } from "nuqs";
import { useId, useTransition } from "react";
import { PORTFOLIO_PARAM } from "@/lib/portfolios/selection";
import type { PortfolioOptions } from "@/lib/read-models/portfolio-options";
import { fieldClass } from "@/components/ui/buttons";
import { ManageGroups } from "./manage-groups";
import { honoursPortfolio } from "./portfolio-pages";

/**
 * The portfolio selector: all of the workspace, one connection, one 1Token fund or one manual
 * group, written to `?portfolio=` (the one encoding, lib/portfolios/selection.ts). A native
 * <select> with a visible label: keyboard and screen readers work as the platform makes
 * them, and it fits 390 px. Shown only on the pages that honour the selection.
 */
export function PortfolioSelector({ options, canManage }: { options: PortfolioOptions; canManage: boolean }) {
  const id = useId();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  // shallow: false — the server components re-render for the new selection, not only the client ones.
  const [value, setValue] = useQueryState(PORTFOLIO_PARAM, parseAsString.withDefault("all").withOptions({ shallow: false, startTransition, clearOnDefault: true }));
  if (!honoursPortfolio(pathname)) return null;
  const known = [options.workspace, ...options.connections, ...options.funds, ...options.groups].some((o) => o.key === value);
  return (
    <div className="mx-auto flex max-w-7xl min-w-0 items-center gap-2 border-t border-line px-4 py-1.5 sm:px-6" data-testid="portfolio-selector">
      <label htmlFor={id} className="shrink-0 text-xs font-medium text-fg-muted">
        Portfolio
      </label>
      <select
        id={id}
        value={value}
        aria-busy={pending}
        onChange={(e) => void setValue(e.target.value === "all" ? null : e.target.value)}
        className={`${fieldClass} min-w-0 max-w-[16rem] py-1`}
      >
        <option value={options.workspace.key}>{options.workspace.label}</option>
        {!known && <option value={value}>Unknown selection</option>}
        {options.connections.length > 0 && (
          <optgroup label="Connections">
            {options.connections.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
        {options.funds.length > 0 && (
          <optgroup label="1Token funds">
            {options.funds.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
        {options.groups.length > 0 && (
          <optgroup label="Manual groups">
            {options.groups.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {canManage && <ManageGroups options={options} onSelect={(key) => void setValue(key)} />}
    </div>
  );
}
