import type { ReactNode } from "react";
import { prerender } from "react-dom/static";
import type { PublicSessionView } from "@medianum/domain";
import { createQueryClient, serializeQueryState, trpcOptionsFor } from "@medianum/api-client";
import { catalogueQueryInput, readFilters } from "./pages/filters.js";
import { Root } from "./Root.js";

/**
 * Server rendering of the portal's catalogue (built by `vite build --ssr` into dist-server/ and
 * loaded by apps/server). The server hands in the data; this module never touches the database.
 */
export type CatalogueInput = ReturnType<typeof catalogueQueryInput>;

export interface PortalData {
  upcomingSessions(input: CatalogueInput): Promise<PublicSessionView[]>;
}

export interface RenderedPage {
  /** What goes inside `<div id="root">`. */
  html: string;
  /** The query cache, for `<script type="application/json" id="medianum-query-state">`. */
  state: string;
}

/** Pages rendered on the server; every other address gets the plain index.html. */
export function isServerRendered(pathname: string): boolean {
  return pathname === "/";
}

/**
 * Renders `url` (path and query) with the data of its first screen already in the cache. Day
 * filters are Paris days (the clock in domain): the server and every browser compute the same
 * bounds, so a catalogue filtered by dates is rendered with its list too.
 */
export async function render(url: string, data: PortalData): Promise<RenderedPage> {
  const { pathname, search } = new URL(url, "http://portal.invalid");
  const cache = createQueryClient();
  if (pathname === "/") {
    const input = catalogueQueryInput(readFilters(search));
    cache.setQueryData(trpcOptionsFor(cache).booking.upcomingSessions.queryKey(input), await data.upcomingSessions(input));
  }
  const html = await renderToString(<Root queryClient={cache} ssrPath={`${pathname}${search}`} />);
  return { html, state: serializeQueryState(cache) };
}

/** Waits for lazy parts (the open filter form) so that no boundary is left for the browser to redo. */
async function renderToString(element: ReactNode): Promise<string> {
  let failure: unknown = null;
  const { prelude } = await prerender(element, {
    signal: AbortSignal.timeout(5_000),
    // One piece of HTML: no boundary sent apart and revealed by an inline script (the CSP forbids those).
    progressiveChunkSize: Number.MAX_SAFE_INTEGER,
    onError: (error) => void (failure ??= error),
  });
  const html = await new Response(prelude).text();
  // A part that failed would be redone by the browser with a console error: the caller serves the plain page instead.
  if (failure) throw failure;
  return html;
}
