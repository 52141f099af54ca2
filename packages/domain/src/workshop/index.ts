export * from "./workshop.js";
export * from "./views.js";
