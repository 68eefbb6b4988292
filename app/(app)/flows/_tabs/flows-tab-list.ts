/** The flows sections, in tab order: each is a page folder under app/(app)/flows. */
export const FLOWS_TABS = [
  { href: "/flows", label: "Flows" },
  { href: "/flows/transfers", label: "Transfers" },
] as const;
