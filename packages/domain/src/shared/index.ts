export * from "./value-list.js";
export * from "./schemas.js";
export * from "./dates.js";
export * from "./clock.js";
export * from "./plural.js";
export * from "./refusal.js";
