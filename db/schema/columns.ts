import { numeric, timestamp } from "drizzle-orm/pg-core";

/** Exact decimal column, read and written as a string. Never `real`/`double`. */
export const money = (name: string) => numeric(name);

/** UTC instant. Both drivers hand back a `Date`. */
export const utc = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => utc("created_at").notNull().defaultNow();
