export * from "./users";
export * from "./connections";
export * from "./accounts";
export * from "./holdings";
export * from "./orders";
export * from "./snapshots";
export * from "./sync";
