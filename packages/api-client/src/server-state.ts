import { dehydrate, hydrate, type QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

/** Id of the `<script type="application/json">` that carries a server-rendered page's query cache. */
export const QUERY_STATE_ELEMENT_ID = "medianum-query-state";

/**
 * The cache a page was rendered with, as text safe inside `<script type="application/json">`:
 * superjson keeps dates as dates, and no `<` can close the element early.
 */
export function serializeQueryState(cache: QueryClient): string {
  return superjson.stringify(dehydrate(cache)).replace(/</g, "\\u003c");
}

/**
 * Starts the browser's cache with the data the server rendered the page from, so that the first
 * render matches the HTML (no request, no spinner). The data is then marked stale: the page asks
 * the API once in the background, and seats taken meanwhile show without a reload.
 * Returns false when the page carries no such data.
 */
export function adoptServerQueryState(cache: QueryClient, doc: Document = document): boolean {
  const el = doc.getElementById(QUERY_STATE_ELEMENT_ID);
  if (!el?.textContent) return false;
  try {
    hydrate(cache, superjson.parse(el.textContent));
  } catch {
    return false;
  }
  void cache.invalidateQueries({ refetchType: "none" });
  return true;
}
