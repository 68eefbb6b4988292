import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { departments, portfolios, tradingAccounts, type DepartmentRow, type PortfolioRow } from "../schema";
import type { VenuePortfolio } from "@/lib/connectors/types";
import { NotFoundError } from "./not-found";

/**
 * Portfolios and departments, always scoped by owner. Writes are idempotent upserts on
 * natural keys: (owner, 1Token department id) and (owner, data source, external id).
 */

/** Upserts the portfolios a venue reported, with their departments; returns externalId → row id. */
export async function materializePortfolios(
  tx: Db,
  p: { ownerId: string; connectionId: string; portfolios: VenuePortfolio[] },
): Promise<Map<string, string>> {
  if (p.portfolios.length === 0) return new Map();
  const departmentIds = await ensureOneTokenDepartments(tx, {
    ownerId: p.ownerId,
    oneTokenDepartmentIds: [...new Set(p.portfolios.flatMap((f) => (f.department ? [f.department] : [])))],
  });
  const rows = await tx
    .insert(portfolios)
    .values(
      p.portfolios.map((f) => ({
        ownerId: p.ownerId,
        departmentId: f.department ? departmentIds.get(f.department)! : null,
        connectionId: p.connectionId,
        name: f.name,
        alias: f.alias ?? null,
        dataSource: f.dataSource,
        externalId: f.externalId,
        baseCurrency: f.baseCurrency,
        inceptionAt: f.inceptionAt ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: [portfolios.ownerId, portfolios.dataSource, portfolios.externalId],
      set: {
        name: sql`excluded.name`,
        alias: sql`excluded.alias`,
        departmentId: sql`excluded.department_id`,
        connectionId: sql`excluded.connection_id`,
        baseCurrency: sql`excluded.base_currency`,
        inceptionAt: sql`excluded.inception_at`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: portfolios.id, externalId: portfolios.externalId });
  return new Map(rows.map((r) => [r.externalId!, r.id]));
}

/** The owner's rows for these 1Token department ids, created when missing; id → row id. */
export async function ensureOneTokenDepartments(
  tx: Db,
  p: { ownerId: string; oneTokenDepartmentIds: string[] },
): Promise<Map<string, string>> {
  if (p.oneTokenDepartmentIds.length === 0) return new Map();
  await tx
    .insert(departments)
    .values(p.oneTokenDepartmentIds.map((id) => ({ ownerId: p.ownerId, name: `1Token ${id}`, oneTokenDepartmentId: id })))
    .onConflictDoNothing({ target: [departments.ownerId, departments.oneTokenDepartmentId] });
  const rows = await tx
    .select({ id: departments.id, oneTokenDepartmentId: departments.oneTokenDepartmentId })
    .from(departments)
    .where(and(eq(departments.ownerId, p.ownerId), inArray(departments.oneTokenDepartmentId, p.oneTokenDepartmentIds)));
  return new Map(rows.map((r) => [r.oneTokenDepartmentId!, r.id]));
}

export async function createDepartment(
  db: Db,
  p: { ownerId: string; name: string; oneTokenDepartmentId?: string },
): Promise<DepartmentRow> {
  const [row] = await db
    .insert(departments)
    .values({ ownerId: p.ownerId, name: p.name, oneTokenDepartmentId: p.oneTokenDepartmentId ?? null })
    .onConflictDoUpdate({ target: [departments.ownerId, departments.oneTokenDepartmentId], set: { name: sql`excluded.name` } })
    .returning();
  return row!;
}

export async function listDepartments(db: Db, p: { ownerId: string }): Promise<DepartmentRow[]> {
  return db.select().from(departments).where(eq(departments.ownerId, p.ownerId)).orderBy(asc(departments.name));
}

/** The owner's portfolios, or only those one department sees. */
export async function listPortfolios(db: Db, p: { ownerId: string; departmentId?: string }): Promise<PortfolioRow[]> {
  if (p.departmentId !== undefined) {
    const [dept] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.id, p.departmentId), eq(departments.ownerId, p.ownerId)));
    if (!dept) throw new NotFoundError("department");
  }
  return db
    .select()
    .from(portfolios)
    .where(
      p.departmentId !== undefined
        ? and(eq(portfolios.ownerId, p.ownerId), eq(portfolios.departmentId, p.departmentId))
        : eq(portfolios.ownerId, p.ownerId),
    )
    .orderBy(asc(portfolios.name));
}

export async function getPortfolio(db: Db, p: { ownerId: string; portfolioId: string }): Promise<PortfolioRow> {
  const [row] = await db
    .select()
    .from(portfolios)
    .where(and(eq(portfolios.id, p.portfolioId), eq(portfolios.ownerId, p.ownerId)));
  if (!row) throw new NotFoundError("portfolio");
  return row;
}

/** The trading accounts grouped under one portfolio. */
export async function listPortfolioAccounts(db: Db, p: { ownerId: string; portfolioId: string }) {
  await getPortfolio(db, p);
  return db
    .select()
    .from(tradingAccounts)
    .where(and(eq(tradingAccounts.ownerId, p.ownerId), eq(tradingAccounts.portfolioId, p.portfolioId)))
    .orderBy(asc(tradingAccounts.name));
}
