export * from "./questions.js";
export * from "./figures.js";
