import { useCallback } from "react";
import { QueryClient, useQueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { createTRPCContext, createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import superjson from "superjson";
import type { AppRouter } from "@medianum/api";

/**
 * The browser's side of the tRPC API, the same for the three apps: typed hooks, one client on
 * `/api/trpc` (batched, superjson for dates), and one query cache per app.
 */
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })],
});

/** Retries only when the server could not be reached or failed, never on a refusal (4xx). */
function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  if (typeof status === "number" && status < 500) return false;
  return failureCount < 2;
}

/** A query cache with the apps' defaults; the server renders each page with a fresh one. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();

/** The typed query keys and options outside React (the server fills the cache of a page it renders). */
export function trpcOptionsFor(cache: QueryClient) {
  return createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient: cache });
}

export { serializeQueryState, adoptServerQueryState, QUERY_STATE_ELEMENT_ID } from "./server-state.js";

type SessionUser = inferRouterOutputs<AppRouter>["auth"]["me"];

/**
 * After a login (the new user) or a logout (null): every cached query of the previous session is
 * dropped (a shared computer, a lent phone) and `auth.me`, whose observer must keep seeing
 * updates, says who is there now.
 */
export function useSwitchSessionUser() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (user: SessionUser) => {
      const meKey = trpc.auth.me.queryKey();
      const me = JSON.stringify(meKey);
      queryClient.removeQueries({ predicate: (q) => JSON.stringify(q.queryKey) !== me });
      queryClient.setQueryData(meKey, user);
    },
    [trpc, queryClient],
  );
}
