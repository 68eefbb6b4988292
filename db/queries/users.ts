import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { users, type User } from "../schema";

export const LOCAL_OWNER_EMAIL = "owner@localhost";

/** The single local owner of a self-hosted install; created once, found afterwards. */
export async function ensureLocalOwner(db: Db): Promise<User> {
  await db.insert(users).values({ email: LOCAL_OWNER_EMAIL, name: "Local owner" }).onConflictDoNothing();
  const [row] = await db.select().from(users).where(eq(users.email, LOCAL_OWNER_EMAIL));
  return row!;
}

export async function createUser(db: Db, p: { email: string; name: string }): Promise<User> {
  const [row] = await db.insert(users).values(p).returning();
  return row!;
}
