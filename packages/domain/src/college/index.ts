export * from "./uai.js";
export * from "./request-status.js";
export * from "./request.js";
export * from "./views.js";
