import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export type User = typeof users.$inferSelect;
