"use client";

import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { applyTableChange, fromUrlValues, tableParsers, toUrlValues, type TableChange, type TableUrlConfig, type TableUrlState } from "./url-state";

/**
 * A table's view, read from and written to the URL. `config` must be stable (a module
 * constant): the parsers are built from it once.
 */
export function useTableUrlState(config: TableUrlConfig): { state: TableUrlState; change: (change: TableChange) => void } {
  const parsers = useMemo(() => tableParsers(config), [config]);
  // push: Back returns to the previous view (page, sort or filter), like any other link.
  const [values, setValues] = useQueryStates(parsers, { history: "push" });
  const state = useMemo(() => fromUrlValues(values, config), [values, config]);
  const change = useCallback(
    (c: TableChange) => void setValues((old) => toUrlValues(applyTableChange(fromUrlValues(old, config), c), config)),
    [setValues, config],
  );
  return { state, change };
}
