export * from "./fragility.js";
