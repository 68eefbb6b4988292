/** The settings sections, in tab order: each is a page folder under app/(app)/settings. */
export const SETTINGS_TABS = [
  { href: "/settings", label: "Workspace" },
  { href: "/settings/members", label: "Members" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/telegram", label: "Telegram" },
  { href: "/settings/profile", label: "Profile" },
  { href: "/settings/ownership", label: "Ownership" },
] as const;
