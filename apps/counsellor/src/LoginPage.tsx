import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { loginInput } from "@medianum/domain";
import {
  Alert,
  Button,
  ErrorSummary,
  TextField,
  issuesToFieldErrors,
  readApiError,
  toSummary,
  useDocumentTitle,
  type FieldErrors,
} from "@medianum/ui";
import { useTRPC } from "./trpc.js";
import { useDevice } from "./offline/device.js";
import { wipeDevice } from "./offline/db.js";
import { useLive } from "./offline/live.js";

/** Removes every cached query except `auth.me` (whose observer must keep seeing updates). */
function forgetOtherQueries(queryClient: QueryClient, meKey: readonly unknown[]) {
  const me = JSON.stringify(meKey);
  queryClient.removeQueries({ predicate: (q) => JSON.stringify(q.queryKey) !== me });
}

export function LoginPage({ appTitle, intro }: { appTitle: string; intro: string }) {
  useDocumentTitle("Connexion", appTitle);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (user) => {
        forgetOtherQueries(queryClient, trpc.auth.me.queryKey());
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
      },
      onError: (error) => {
        const info = readApiError(error);
        setErrors(info.fieldErrors);
        setFormError(info.message);
        setPassword("");
        setAttempt((n) => n + 1);
      },
    }),
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = loginInput.safeParse({ email, password });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    login.mutate(parsed.data);
  }

  return (
    <>
      <h1>Connexion</h1>
      <p>{intro}</p>
      <ErrorSummary errors={toSummary(errors, ["email", "password"])} focusKey={attempt} />
      {formError && Object.keys(errors).length === 0 ? (
        <Alert type="error" title="Connexion impossible">
          <p>{formError}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <TextField
          label="Adresse e-mail"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <TextField
          label="Mot de passe"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <Button type="submit" loading={login.isPending} loadingLabel="Connexion en cours…">
          Se connecter
        </Button>
      </form>
    </>
  );
}

/**
 * "Connecté(e) : Nom" and the log-out button, for the header. Logging out empties the device;
 * with saisies not yet sent it asks first, since they would be lost.
 */
export function UserMenu({ displayName }: { displayName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { db, engine } = useDevice();
  const unsent = useLive(() => db.outbox.count(), [db]) ?? 0;
  const [confirming, setConfirming] = useState(false);
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: async () => {
        engine.stop();
        // Nothing of the previous session stays, in memory or on the device (a shared computer, a lent phone).
        await wipeDevice(db);
        forgetOtherQueries(queryClient, trpc.auth.me.queryKey());
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
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
          {unsent} saisie{unsent > 1 ? "s" : ""} pas encore envoyée{unsent > 1 ? "s" : ""} : en vous déconnectant maintenant, elle{unsent > 1 ? "s" : ""} serai{unsent > 1 ? "ent" : "t"} perdue{unsent > 1 ? "s" : ""}.{" "}
          <Button variant="secondary" size="small" onClick={() => setConfirming(false)}>
            Rester connecté(e)
          </Button>
        </span>
      ) : null}
      {logout.isError ? <span role="alert">Déconnexion impossible : {readApiError(logout.error).message}</span> : null}
    </>
  );
}
