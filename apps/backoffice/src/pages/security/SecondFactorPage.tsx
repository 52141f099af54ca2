import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { secondFactorInput } from "@medianum/domain";
import { Alert, Button, ErrorSummary, TextField, issuesToFieldErrors, readApiError, toSummary, useDocumentTitle, type FieldErrors } from "@medianum/ui";
import { useSwitchSessionUser, useTRPC } from "@medianum/api-client";
import { APP_TITLE } from "../common.js";

/** Second step of an administrator's login when TOTP is on: a code of the app, or a recovery code. */
export function SecondFactorPage({ displayName }: { displayName: string }) {
  useDocumentTitle("Code de vérification", APP_TITLE);
  const trpc = useTRPC();
  const switchUser = useSwitchSessionUser();
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const verify = useMutation(trpc.totp.verify.mutationOptions({ onSuccess: switchUser, onError: () => setCode("") }));
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSuccess: () => switchUser(null) }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = secondFactorInput.safeParse({ code });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    verify.mutate(parsed.data);
  }

  return (
    <>
      <h1>Code de vérification</h1>
      <p>
        Bonjour {displayName}. Votre compte est protégé par une double authentification : saisissez le code à 6 chiffres affiché par votre
        application d'authentification, ou l'un de vos codes de secours si vous n'avez pas votre téléphone.
      </p>
      <ErrorSummary errors={toSummary(errors, ["code"])} focusKey={attempt} />
      {verify.isError ? (
        <Alert type="error" title="Code refusé">
          <p>{readApiError(verify.error).message}</p>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <TextField
          label="Code"
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          value={code}
          error={errors.code}
          onChange={(e) => setCode(e.target.value)}
        />
        <div className="mn-actions">
          <Button type="submit" loading={verify.isPending} loadingLabel="Vérification…">
            Valider
          </Button>
          <Button type="button" variant="secondary" loading={logout.isPending} loadingLabel="Déconnexion…" onClick={() => logout.mutate()}>
            Annuler et se déconnecter
          </Button>
        </div>
      </form>
    </>
  );
}
