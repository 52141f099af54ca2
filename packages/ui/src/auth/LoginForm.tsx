import { useEffect, useRef, useState, type FormEvent } from "react";
import { loginInput, type LoginInput } from "@medianum/domain";
import { Button } from "../components/Button.js";
import { Alert, ErrorSummary } from "../components/feedback.js";
import { TextField } from "../components/fields.js";
import { focusNextPage } from "../components/focus.js";
import { issuesToFieldErrors, readApiError, toSummary, type FieldErrors } from "../errors.js";

export interface LoginFormProps {
  intro: string;
  /** Sends the credentials (the app's tRPC mutation); rejects with the API's error. */
  submit(credentials: LoginInput): Promise<unknown>;
}

/** E-mail + password form shared by the back-office and the counsellor app. */
export function LoginForm({ intro, submit }: LoginFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // The form may be on screen (prerendered HTML) before this script runs. Until then its button
  // stays disabled, which also stops Enter from sending the fields in the address (a native GET).
  const [ready, setReady] = useState(false);

  // What the person typed before the script ran is in the fields, not yet in the state.
  useEffect(() => {
    setReady(true);
    const fields = form.current?.elements;
    const typed = (name: string) => (fields?.namedItem(name) as HTMLInputElement | null)?.value ?? "";
    if (typed("email")) setEmail(typed("email"));
    if (typed("password")) setPassword(typed("password"));
  }, []);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = loginInput.safeParse({ email, password });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setPending(true);
    // Set before sending: the app may replace this form as soon as the server answers.
    focusNextPage();
    try {
      await submit(parsed.data);
    } catch (error) {
      focusNextPage(false);
      const info = readApiError(error);
      setErrors(info.fieldErrors);
      setFormError(info.message);
      // A wrong password is typed again from scratch; the e-mail stays.
      setPassword("");
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
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
      <form ref={form} method="post" noValidate onSubmit={(e) => void onSubmit(e)}>
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
        <Button type="submit" disabled={!ready} loading={pending} loadingLabel="Connexion en cours…">
          Se connecter
        </Button>
      </form>
    </>
  );
}
