import { StrictMode } from "react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { TRPCProvider, trpcClient } from "@medianum/api-client";
import { App } from "./App.js";

/**
 * The whole back-office, the same tree in the browser and in the prerendered login page.
 * `startOnLogin`: the page arrived with the login form already drawn (no session cookie was sent),
 * so the app keeps it on screen instead of a spinner while it asks the server who is there.
 */
export function Root({ queryClient, startOnLogin, ssrPath }: { queryClient: QueryClient; startOnLogin: boolean; ssrPath?: string }) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <App startOnLogin={startOnLogin} ssrPath={ssrPath} />
        </TRPCProvider>
      </QueryClientProvider>
    </StrictMode>
  );
}
