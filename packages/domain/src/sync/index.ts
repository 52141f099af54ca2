export * from "./operations.js";
export * from "./records.js";
