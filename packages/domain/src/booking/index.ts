export * from "./registration.js";
export * from "./views.js";
