export * from "./cheque.js";
