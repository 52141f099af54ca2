export * from "./cheque.js";
export * from "./prescription.js";
