// A throwaway PostgreSQL database for a bench: created on a server where databases may be
// created (BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test),
// dropped (forced) by `drop`. Null when the server cannot be reached: the caller reports a skip.
import { randomBytes } from "node:crypto";
import postgres from "postgres";

export const PG_SERVER = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface ThrowawayPg {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

export async function throwawayPg(): Promise<ThrowawayPg | null> {
  const admin = postgres(PG_SERVER, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await admin`select 1`;
  } catch (e) {
    await admin.end({ timeout: 1 });
    console.error(`PostgreSQL not reachable at ${PG_SERVER.replace(/:[^:@/]*@/, ":***@")}: ${(e as Error).message}`);
    return null;
  }
  const name = `vf_bench_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
