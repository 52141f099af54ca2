export * from "./entries.js";
