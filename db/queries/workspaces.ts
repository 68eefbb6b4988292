import { asc, count, eq } from "drizzle-orm";
import type { Db } from "../client";
import { NotFoundError } from "./not-found";
import { users, workspaceMembers, workspaces, type Workspace, type WorkspaceRole } from "../schema";

/** The workspace a fresh install (and an upgraded one) starts with; the demo lives here. */
export const PERSONAL_SLUG = "personal";

/** The install's first workspace: created once, found afterwards (concurrent starts agree). */
export async function ensurePersonalWorkspace(db: Db): Promise<Workspace> {
  await db.insert(workspaces).values({ name: "Personal", slug: PERSONAL_SLUG }).onConflictDoNothing({ target: workspaces.slug });
  const [row] = await db.select().from(workspaces).where(eq(workspaces.slug, PERSONAL_SLUG));
  return row!;
}

/**
 * The workspace an install starts with. While nobody has an account it is made if missing (a
 * fresh install; the demo goes there). Once someone has signed up it is only found, never made
 * again: an owner who deleted it meant it, and a new one would hold the demo for nobody, or be
 * handed to the next person who signs up.
 */
export async function installWorkspace(db: Db): Promise<Workspace | null> {
  if (!(await hasAnyUser(db))) return ensurePersonalWorkspace(db);
  const [row] = await db.select().from(workspaces).where(eq(workspaces.slug, PERSONAL_SLUG));
  return row ?? null;
}

export async function createWorkspace(db: Db, p: { name: string; slug: string }): Promise<Workspace> {
  const [row] = await db.insert(workspaces).values(p).returning();
  return row!;
}

export interface Membership {
  workspace: Workspace;
  role: WorkspaceRole;
}

/** A person's workspaces with their role in each, oldest membership first. */
export async function listMemberships(db: Db, userId: string): Promise<Membership[]> {
  const rows = await db
    .select({ workspace: workspaces, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.organizationId))
    .where(eq(workspaceMembers.userId, userId))
    .orderBy(asc(workspaceMembers.createdAt), asc(workspaces.slug));
  return rows.map((r) => ({ workspace: r.workspace, role: r.role as WorkspaceRole }));
}

/** Whether anyone has an account yet: with no one, the install offers "create the owner account". */
export async function hasAnyUser(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) > 0;
}

export async function addMember(db: Db, p: { workspaceId: string; userId: string; role: WorkspaceRole }): Promise<void> {
  await db.insert(workspaceMembers).values({ organizationId: p.workspaceId, userId: p.userId, role: p.role }).onConflictDoNothing();
}

export class WorkspaceChoiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkspaceChoiceError";
  }
}

/**
 * The workspace a CLI script acts in: the one named by `--workspace <slug>`, or the only
 * one when there is exactly one. Never a silent default among several.
 */
export async function workspaceForCli(db: Db, slug: string | undefined): Promise<Workspace> {
  const all = await db.select().from(workspaces).orderBy(asc(workspaces.slug));
  if (slug !== undefined) {
    const found = all.find((w) => w.slug === slug);
    if (!found) throw new WorkspaceChoiceError(`No workspace "${slug}". Workspaces: ${all.map((w) => w.slug).join(", ") || "none"}`);
    return found;
  }
  if (all.length === 1) return all[0]!;
  if (all.length === 0) throw new WorkspaceChoiceError("No workspace yet: start the app once (npm start) to create the Personal workspace");
  throw new WorkspaceChoiceError(`There are ${all.length} workspaces: pass --workspace <slug> (one of: ${all.map((w) => w.slug).join(", ")})`);
}

/** What a workspace reports in: its base currency and the zone its days and weeks are cut in. */
export interface WorkspaceSettings {
  baseCurrency: string;
  timeZone: string;
}

/**
 * The workspace's settings. With `lock: "share"` (inside a transaction) the row is held
 * until commit, so a settings change waits for a snapshot write that read the old settings
 * and the other way round: roll-ups never mix a currency or a zone with another.
 * `lock: "update"` is the settings change's own lock (it does not block foreign-key checks).
 */
export async function getWorkspaceSettings(db: Db, p: { ownerId: string; lock?: "share" | "update" }): Promise<WorkspaceSettings> {
  const query = db
    .select({ baseCurrency: workspaces.baseCurrency, timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, p.ownerId));
  const [row] = await (p.lock === "share" ? query.for("share") : p.lock === "update" ? query.for("no key update") : query);
  if (!row) throw new NotFoundError("workspace");
  return row;
}

export async function saveWorkspaceSettings(db: Db, p: { ownerId: string } & WorkspaceSettings): Promise<void> {
  await db.update(workspaces).set({ baseCurrency: p.baseCurrency, timeZone: p.timeZone }).where(eq(workspaces.id, p.ownerId));
}

/** The workspace's annual risk-free rate, an exact fraction ("0.045" = 4.5 % a year). */
export async function getRiskFreeRate(db: Db, p: { ownerId: string }): Promise<string> {
  const [row] = await db.select({ rate: workspaces.riskFreeRate }).from(workspaces).where(eq(workspaces.id, p.ownerId));
  if (!row) throw new NotFoundError("workspace");
  return row.rate;
}

export async function saveRiskFreeRate(db: Db, p: { ownerId: string; riskFreeRate: string }): Promise<void> {
  await db.update(workspaces).set({ riskFreeRate: p.riskFreeRate }).where(eq(workspaces.id, p.ownerId));
}
