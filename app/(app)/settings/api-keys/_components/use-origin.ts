"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/** This site's origin for examples to copy: empty while rendering on the server, then the browser's. */
export function useOrigin(): string {
  return useSyncExternalStore(never, () => window.location.origin, () => "");
}
