import { useMutation } from "@tanstack/react-query";
import { Button, LoginForm, ProConnectLogin, readApiError, useDocumentTitle } from "@medianum/ui";
import { useSwitchSessionUser, useTRPC } from "@medianum/api-client";

export function LoginPage({ appTitle, intro }: { appTitle: string; intro: string }) {
  useDocumentTitle("Connexion", appTitle);
  const trpc = useTRPC();
  const switchUser = useSwitchSessionUser();
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: switchUser }));
  return (
    <>
      <LoginForm intro={intro} submit={(credentials) => login.mutateAsync(credentials)} />
      <ProConnectLogin app="pilotage" />
    </>
  );
}

/** "Connecté(e) : Nom" and the log-out button, for the header. */
export function UserMenu({ displayName }: { displayName: string }) {
  const trpc = useTRPC();
  const switchUser = useSwitchSessionUser();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        // Nothing of the previous session stays in memory (a shared computer, a lent phone).
        switchUser(null);
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
