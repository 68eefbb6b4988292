import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { NotFoundError } from "@/db/queries/not-found";
import { listSelectableAccounts, lockManualPortfolio, MANUAL_SOURCE, portfolioNameTaken, replacePortfolioAccounts } from "@/db/queries/portfolio-groups";
import { portfolios } from "@/db/schema";

/**
 * Manual portfolios: create, update (rename and change accounts together), delete. Each runs in one transaction, so
 * a refusal (a name in use, an account that is not the workspace's) saves nothing and the
 * previous group stays as it was. Another workspace's group or account is not found (404).
 */

/** A name already used by a portfolio of the workspace: refused on the `name` field. */
export class GroupNameTakenError extends Error {
  readonly field = "name";
  constructor(name: string) {
    super(`name: a portfolio named "${name}" already exists in this workspace`);
    this.name = "GroupNameTakenError";
  }
}

async function checkName(tx: Db, p: { ownerId: string; name: string; exceptId?: string }) {
  if (await portfolioNameTaken(tx, p)) throw new GroupNameTakenError(p.name);
}

/** Every id must be an account of a live connection of the workspace. */
async function checkAccounts(tx: Db, p: { ownerId: string; accountIds: string[] }) {
  const mine = new Set((await listSelectableAccounts(tx, { ownerId: p.ownerId })).map((a) => a.id));
  if (p.accountIds.some((id) => !mine.has(id))) throw new NotFoundError("account");
}

/** The unique index's answer to two requests racing for one name: the same refusal. */
function nameClash(e: unknown, name: string): never {
  const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  if (code === "23505") throw new GroupNameTakenError(name);
  throw e;
}

export async function createManualGroup(db: Db, p: { ownerId: string; baseCurrency: string; name: string; accountIds: string[] }) {
  return db
    .transaction(async (tx) => {
      await checkName(tx, p);
      await checkAccounts(tx, p);
      const [row] = await tx
        .insert(portfolios)
        .values({ ownerId: p.ownerId, name: p.name, dataSource: MANUAL_SOURCE, baseCurrency: p.baseCurrency })
        .returning({ id: portfolios.id, name: portfolios.name });
      await replacePortfolioAccounts(tx, { ownerId: p.ownerId, portfolioId: row!.id, accountIds: p.accountIds });
      return row!;
    })
    .catch((e) => nameClash(e, p.name));
}

/** Renames a group and replaces its accounts, in one transaction: both are saved or neither. */
export async function updateManualGroup(db: Db, p: { ownerId: string; portfolioId: string; name: string; accountIds: string[] }) {
  return db
    .transaction(async (tx) => {
      await lockManualPortfolio(tx, p);
      await checkName(tx, { ownerId: p.ownerId, name: p.name, exceptId: p.portfolioId });
      await checkAccounts(tx, p);
      await replacePortfolioAccounts(tx, p);
      await tx
        .update(portfolios)
        .set({ name: p.name, updatedAt: new Date() })
        .where(and(eq(portfolios.id, p.portfolioId), eq(portfolios.ownerId, p.ownerId)));
      return { id: p.portfolioId, name: p.name, accountIds: p.accountIds };
    })
    .catch((e) => nameClash(e, p.name));
}

/** Deletes a group; its links go with it (ON DELETE CASCADE). A 1Token fund cannot be deleted here. */
export async function deleteManualGroup(db: Db, p: { ownerId: string; portfolioId: string }) {
  return db.transaction(async (tx) => {
    await lockManualPortfolio(tx, p);
    await tx.delete(portfolios).where(and(eq(portfolios.ownerId, p.ownerId), inArray(portfolios.id, [p.portfolioId]), eq(portfolios.dataSource, MANUAL_SOURCE)));
    return { id: p.portfolioId };
  });
}
