export * from "./place-types.js";
export * from "./place-input.js";
