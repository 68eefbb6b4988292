import type { Sql } from "postgres";

/**
 * drizzle sends every query as `sql.unsafe(text, params, { prepare: false })`. For such a
 * query postgres.js first asks the server for the parameter types (Parse/Describe, a full
 * round trip) and only then sends it to run: two round trips per statement, and a
 * statement can never be on its way while this process is busy. With named statements,
 * which postgres.js prepares once per connection and caches by text and types, a
 * statement is one message and one round trip, and its plan is reused.
 *
 * The proxy turns preparing on for the client and for the clients of its transactions
 * and savepoints, whatever drizzle asks. Set DATABASE_PREPARE=off behind a pooler that
 * cannot keep prepared statements (PgBouncer in transaction mode).
 */
export function withPreparedStatements<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (query: string, args?: unknown[], options?: Record<string, unknown>) =>
          (target.unsafe as (q: string, a?: unknown[], o?: Record<string, unknown>) => unknown)(query, args, { ...options, prepare: true });
      }
      if (prop === "begin" || prop === "savepoint") {
        return (...args: unknown[]) => {
          const run = args.pop() as (tx: Sql) => unknown;
          const open = Reflect.get(target, prop, receiver) as (...a: unknown[]) => unknown;
          return open.call(target, ...args, (tx: Sql) => run(withPreparedStatements(tx)));
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
