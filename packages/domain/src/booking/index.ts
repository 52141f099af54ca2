export * from "./registration.js";
export * from "./seats.js";
export * from "./views.js";
