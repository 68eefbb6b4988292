import { boolean, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, utc } from "./columns";

/**
 * People who sign in. better-auth's `user` model: its field names are the properties here
 * (the drizzle adapter maps them), the columns stay snake_case.
 */
export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  createdAt: createdAt(),
  updatedAt: utc("updated_at").notNull().defaultNow(),
});

export type User = typeof users.$inferSelect;
