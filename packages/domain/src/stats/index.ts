export * from "./metrics.js";
export * from "./filters.js";
export * from "./views.js";
export * from "./review.js";
