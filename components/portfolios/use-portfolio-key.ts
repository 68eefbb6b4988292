"use client";

import { parseAsString, useQueryState } from "nuqs";
import { PORTFOLIO_PARAM } from "@/lib/portfolios/selection";

/**
 * The selector's URL value (`?portfolio=`, "all" when absent), for the client components
 * whose queries carry it. A full navigation (shallow: false) re-renders the server parts too.
 */
export function usePortfolioKey(): string {
  const [value] = useQueryState(PORTFOLIO_PARAM, parseAsString.withDefault("all"));
  return value;
}
