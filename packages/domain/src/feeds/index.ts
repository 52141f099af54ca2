export * from "./feeds.js";
