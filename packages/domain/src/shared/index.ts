export * from "./value-list.js";
export * from "./schemas.js";
export * from "./dates.js";
export * from "./local-time.js";
export * from "./plural.js";
