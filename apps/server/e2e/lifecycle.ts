import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, startProduct, type Product } from "./support.js";

// Kept apart from support.ts, which the benchmarks import outside vitest.

/** The product and Chromium of the running test file, set by `startForThisFile()` (each test file has its own). */
export let product: Product;
export let browser: Browser;

/** Starts the whole product and Chromium before this file's tests, and stops them after. */
export function startForThisFile() {
  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });
}
