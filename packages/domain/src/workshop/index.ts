export * from "./workshop.js";
