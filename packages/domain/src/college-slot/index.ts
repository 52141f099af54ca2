export * from "./slot.js";
export * from "./figures.js";
