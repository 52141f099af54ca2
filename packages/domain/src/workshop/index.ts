export * from "./workshop.js";
export * from "./views.js";
export * from "./staff.js";
export * from "./theme-items.js";
