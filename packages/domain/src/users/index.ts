export * from "./roles.js";
export * from "./proconnect.js";
