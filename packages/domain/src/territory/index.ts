export * from "./fragility.js";
export * from "./fragility-import.js";
export * from "./views.js";
export * from "./distance.js";
export * from "./proximity.js";
export * from "./proximity-items.js";
export * from "./commune-centres-import.js";
