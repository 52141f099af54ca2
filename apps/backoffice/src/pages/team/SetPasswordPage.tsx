import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { PASSWORD_MIN_LENGTH, setPasswordInput } from "@medianum/domain";
import { Alert, Button, ErrorSummary, Spinner, TextField, issuesToFieldErrors, readApiError, toSummary, type FieldErrors } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { Title } from "../common.js";

/** Public page opened from an invitation or reset e-mail: choose a password, once. */
export function SetPasswordPage() {
  const trpc = useTRPC();
  const token = new URLSearchParams(window.location.search).get("jeton") ?? "";
  const link = useQuery({ ...trpc.team.checkLink.queryOptions({ token }), enabled: token.length > 0, retry: false });
  const [d, setD] = useState({ password: "", confirmation: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const save = useMutation(trpc.team.setPassword.mutationOptions());

  function submit(e: FormEvent) {
    e.preventDefault();
    const res = setPasswordInput.safeParse({ token, ...d });
    if (!res.success) {
      setErrors(issuesToFieldErrors(res.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    save.mutate(res.data);
  }

  if (!token || link.isError) {
    return (
      <>
        <Title title="Lien non valable" />
        <h1>Ce lien n'est plus valable</h1>
        <Alert type="warning" title="Impossible de choisir un mot de passe avec ce lien.">
          <p>{link.isError ? readApiError(link.error).message : "Le lien est incomplet : ouvrez-le depuis l'e-mail reçu."}</p>
        </Alert>
      </>
    );
  }
  if (link.isPending) return <Spinner label="Vérification du lien…" />;
  if (save.isSuccess) {
    const home = save.data.role === "counsellor" ? "/conseiller/" : "/pilotage/";
    return (
      <>
        <Title title="Mot de passe enregistré" />
        <h1>Mot de passe enregistré</h1>
        <Alert type="success" title="Votre mot de passe est prêt." role="status">
          <p>Connectez-vous avec votre adresse e-mail {link.data.email} et ce mot de passe.</p>
        </Alert>
        <p>
          <a href={home} className="mn-button">
            Se connecter
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <Title title="Choisir un mot de passe" />
      <h1>{link.data.kind === "invite" ? `Bienvenue, ${link.data.displayName}` : "Choisir un nouveau mot de passe"}</h1>
      <p>
        Compte : <strong>{link.data.email}</strong>. Choisissez un mot de passe d'au moins {PASSWORD_MIN_LENGTH} caractères ; une phrase de
        quelques mots est facile à retenir et difficile à deviner.
      </p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={toSummary(errors, ["password", "confirmation"])} focusKey={attempt} />
        {save.isError ? (
          <Alert type="error" title="Le mot de passe n'a pas été enregistré.">
            <p>{readApiError(save.error).message}</p>
          </Alert>
        ) : null}
        <input type="text" name="username" autoComplete="username" value={link.data.email} readOnly hidden />
        <TextField label="Nouveau mot de passe" name="password" type="password" autoComplete="new-password" value={d.password} error={errors.password} onChange={(e) => setD({ ...d, password: e.target.value })} />
        <TextField label="Le même, une seconde fois" name="confirmation" type="password" autoComplete="new-password" value={d.confirmation} error={errors.confirmation} onChange={(e) => setD({ ...d, confirmation: e.target.value })} />
        <div className="mn-actions">
          <Button type="submit" loading={save.isPending} loadingLabel="Enregistrement…">
            Enregistrer mon mot de passe
          </Button>
        </div>
      </form>
    </>
  );
}
