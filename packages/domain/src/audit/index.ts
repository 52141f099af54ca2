export * from "./actions.js";
export * from "./describe.js";
