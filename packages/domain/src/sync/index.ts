export * from "./operations.js";
export * from "./records.js";
export * from "./snapshot.js";
