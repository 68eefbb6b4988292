import { index, numeric, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, utc } from "./columns";
import { users } from "./users";

/**
 * A workspace owns every portfolio row (connections, accounts, orders, snapshots, alerts…:
 * their `owner_id` is the owning workspace's id). It is better-auth's organization model, so
 * membership, roles and invitations come from its organization plugin.
 */
export const workspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  logo: text("logo"),
  metadata: text("metadata"),
  /** The currency every total of this workspace is reported in. */
  baseCurrency: text("base_currency").notNull().default("USD"),
  /** IANA zone where this workspace's days, weeks and months begin. */
  timeZone: text("time_zone").notNull().default("UTC"),
  /**
   * The annual risk-free rate of Sharpe (and the Sortino target) on /performance, an exact
   * fraction: 0.045 is 4.5 % a year. 0 until an admin sets it (docs/metrics.md).
   */
  riskFreeRate: numeric("risk_free_rate").notNull().default("0"),
  createdAt: createdAt(),
});

export type Workspace = typeof workspaces.$inferSelect;

export const WORKSPACE_ROLES = ["owner", "admin", "member", "viewer"] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/** better-auth's `member` model: who belongs to which workspace, with which role. */
export const workspaceMembers = pgTable(
  "workspace_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("workspace_members_workspace_user_uq").on(t.organizationId, t.userId), index("workspace_members_user_idx").on(t.userId)],
);

/** better-auth's `invitation` model: an admin's invitation, accepted through a link. */
export const workspaceInvitations = pgTable(
  "workspace_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role"),
    status: text("status").notNull().default("pending"),
    expiresAt: utc("expires_at").notNull(),
    inviterId: uuid("inviter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("workspace_invitations_workspace_idx").on(t.organizationId), index("workspace_invitations_email_idx").on(t.email)],
);
