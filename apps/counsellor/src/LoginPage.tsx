import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button, LoginForm, ProConnectLogin, readApiError, useDocumentTitle } from "@medianum/ui";
import { useSwitchSessionUser, useTRPC } from "@medianum/api-client";
import { countOf, pluralWord } from "@medianum/domain";
import { useDevice } from "./offline/device.js";
import { wipeDevice } from "./offline/db.js";
import { useLive } from "./offline/live.js";

export function LoginPage({ appTitle, intro }: { appTitle: string; intro: string }) {
  useDocumentTitle("Connexion", appTitle);
  const trpc = useTRPC();
  const switchUser = useSwitchSessionUser();
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: switchUser }));
  return (
    <>
      <LoginForm intro={intro} submit={(credentials) => login.mutateAsync(credentials)} />
      <ProConnectLogin app="conseiller" />
    </>
  );
}

/**
 * "Connecté(e) : Nom" and the log-out button, for the header. Logging out empties the device;
 * with saisies not yet sent it asks first, since they would be lost.
 */
export function UserMenu({ displayName }: { displayName: string }) {
  const trpc = useTRPC();
  const switchUser = useSwitchSessionUser();
  const { db, engine } = useDevice();
  const unsent = useLive(() => db.outbox.count(), [db]) ?? 0;
  const [confirming, setConfirming] = useState(false);
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: async () => {
        engine.stop();
        // Nothing of the previous session stays, in memory or on the device (a shared computer, a lent phone).
        await wipeDevice(db);
        switchUser(null);
      },
    }),
  );
  const onLogout = () => {
    if (unsent > 0 && !confirming) setConfirming(true);
    else logout.mutate();
  };
  return (
    <>
      <span>
        <span className="mn-visually-hidden">Connecté(e) : </span>
        {displayName}
      </span>
      <Button variant="secondary" size="small" loading={logout.isPending} loadingLabel="Déconnexion…" onClick={onLogout}>
        {confirming ? "Me déconnecter quand même" : "Se déconnecter"}
      </Button>
      {confirming ? (
        <span role="alert">
          {countOf(unsent, "saisie")} pas encore {pluralWord(unsent, "envoyée")} : en vous déconnectant maintenant, {pluralWord(unsent, "elle serait perdue", "elles seraient perdues")}.{" "}
          <Button variant="secondary" size="small" onClick={() => setConfirming(false)}>
            Rester connecté(e)
          </Button>
        </span>
      ) : null}
      {logout.isError ? <span role="alert">Déconnexion impossible : {readApiError(logout.error).message}</span> : null}
    </>
  );
}
