import { StrictMode } from "react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { TRPCProvider, trpcClient } from "@medianum/api-client";
import { App } from "./App.js";

/** The whole portal, the same tree in the browser and on the server (hydration needs both equal). */
export function Root({ queryClient, ssrPath }: { queryClient: QueryClient; ssrPath?: string }) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <App ssrPath={ssrPath} />
        </TRPCProvider>
      </QueryClientProvider>
    </StrictMode>
  );
}
