import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { alertThresholds } from "../schema";

export interface StoredThresholds {
  /** Fractions as exact decimal strings ("0.5"). */
  concentration: string;
  drawdown: string;
  updatedAt: Date;
}

/** The workspace's own risk limits, or null when it keeps the defaults. */
export async function getAlertThresholds(db: Db, p: { ownerId: string }): Promise<StoredThresholds | null> {
  const [row] = await db.select().from(alertThresholds).where(eq(alertThresholds.ownerId, p.ownerId));
  return row ? { concentration: row.concentration, drawdown: row.drawdown, updatedAt: row.updatedAt } : null;
}

export async function saveAlertThresholds(
  db: Db,
  p: { ownerId: string; concentration: string; drawdown: string; updatedBy: string | null; at: Date },
): Promise<void> {
  const values = { concentration: p.concentration, drawdown: p.drawdown, updatedBy: p.updatedBy, updatedAt: p.at };
  await db
    .insert(alertThresholds)
    .values({ ownerId: p.ownerId, ...values })
    .onConflictDoUpdate({ target: alertThresholds.ownerId, set: values });
}
