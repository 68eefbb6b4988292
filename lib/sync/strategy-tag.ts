/**
 * The strategy tag convention lives with attribution (docs/strategy-tags.md): the sync
 * reads tags with the very same rule, per provider ("<strategy>:<rest>"; OKX, whose
 * clOrdId allows no colon, "<strategy>X<rest>").
 */
export { strategyFromClientOrderId } from "@/lib/attribution/strategy-tags";
