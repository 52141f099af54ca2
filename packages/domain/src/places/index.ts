export * from "./place-types.js";
