import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { Button, LoginForm, readApiError, useDocumentTitle } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";

/** Removes every cached query except `auth.me` (whose observer must keep seeing updates). */
function forgetOtherQueries(queryClient: QueryClient, meKey: readonly unknown[]) {
  const me = JSON.stringify(meKey);
  queryClient.removeQueries({ predicate: (q) => JSON.stringify(q.queryKey) !== me });
}

export function LoginPage({ appTitle, intro }: { appTitle: string; intro: string }) {
  useDocumentTitle("Connexion", appTitle);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (user) => {
        forgetOtherQueries(queryClient, trpc.auth.me.queryKey());
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
      },
    }),
  );
  return <LoginForm intro={intro} submit={(credentials) => login.mutateAsync(credentials)} />;
}

/** "Connecté(e) : Nom" and the log-out button, for the header. */
export function UserMenu({ displayName }: { displayName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        // Nothing of the previous session stays in memory (a shared computer, a lent phone).
        forgetOtherQueries(queryClient, trpc.auth.me.queryKey());
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
      },
    }),
  );
  return (
    <>
      <span>
        <span className="mn-visually-hidden">Connecté(e) : </span>
        {displayName}
      </span>
      <Button variant="secondary" size="small" loading={logout.isPending} loadingLabel="Déconnexion…" onClick={() => logout.mutate()}>
        Se déconnecter
      </Button>
      {logout.isError ? <span role="alert">Déconnexion impossible : {readApiError(logout.error).message}</span> : null}
    </>
  );
}
