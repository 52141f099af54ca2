export * from "./uai.js";
export * from "./request-status.js";
export * from "./request.js";
export * from "./views.js";
export * from "./schedule.js";
export * from "./tracking.js";
export * from "./report.js";
export * from "./report-rules.js";
