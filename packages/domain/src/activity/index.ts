export * from "./coop-lists.js";
export * from "./duration.js";
export * from "./age.js";
export * from "./record.js";
export * from "./views.js";
export * from "./record-rules.js";
