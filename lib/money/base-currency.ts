/**
 * The one currency every total is reported in. It lives with the money helpers because
 * every layer (sync, snapshots, read models) values things in it and none of them owns it.
 */
export const BASE_CURRENCY = "USD";
