import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { secondFactorInput, totpCodeInput, type TotpSetupView } from "@medianum/domain";
import { Alert, Button, ErrorSummary, QueryState, TextField, issuesToFieldErrors, readApiError, toSummary, type FieldErrors } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { Title } from "../common.js";

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

/** An administrator's own TOTP (set up, switch off) and the reset of a colleague's. */
export function SecurityPage({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const status = useQuery(trpc.totp.status.queryOptions());
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  return (
    <>
      <Title title="Sécurité du compte" />
      <h1>Sécurité du compte</h1>
      <h2>Double authentification (TOTP)</h2>
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      ) : (
        <QueryState query={status} loadingLabel="Chargement…" errorTitle="L'état de la double authentification n'a pas pu être chargé.">
          {() => {
            const s = status.data!;
            return s.enabled ? (
              <>
                <Alert type="success" title="La double authentification est activée." role="none">
                  <p>
                    Depuis le {s.enabledAt ? dateTime.format(s.enabledAt) : "—"}. Codes de secours restants : {s.recoveryCodesLeft} sur 10.
                  </p>
                </Alert>
                <DisableTotp />
              </>
            ) : (
              <SetupTotp onEnabled={setRecoveryCodes} />
            );
          }}
        </QueryState>
      )}
      <ColleaguesTotp userId={userId} />
    </>
  );
}

function useCodeForm<T extends typeof totpCodeInput | typeof secondFactorInput>(schema: T, send: (input: { code: string }) => void) {
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = schema.safeParse({ code });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    send(parsed.data);
  }
  return { code, setCode, errors, attempt, submit };
}

function SetupTotp({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<TotpSetupView | null>(null);
  const begin = useMutation(trpc.totp.beginSetup.mutationOptions({ onSuccess: setSetup }));
  const confirm = useMutation(
    trpc.totp.confirmSetup.mutationOptions({
      onSuccess: (res) => {
        setSetup(null);
        onEnabled(res.recoveryCodes);
        void queryClient.invalidateQueries({ queryKey: trpc.totp.pathKey() });
      },
    }),
  );
  const form = useCodeForm(totpCodeInput, (input) => confirm.mutate(input));

  if (!setup) {
    return (
      <>
        <p>
          Protégez votre compte d'administrateur : après votre mot de passe, un code à 6 chiffres affiché par une application
          d'authentification (FreeOTP, Aegis, Google Authenticator, Microsoft Authenticator…) vous sera demandé.
        </p>
        {begin.isError ? (
          <Alert type="error" title="Impossible de commencer.">
            <p>{readApiError(begin.error).message}</p>
          </Alert>
        ) : null}
        <Button loading={begin.isPending} loadingLabel="Préparation…" onClick={() => begin.mutate()}>
          Activer la double authentification
        </Button>
      </>
    );
  }
  return (
    <>
      <ol>
        <li>
          Scannez ce QR code avec votre application d'authentification :
          <br />
          <img src={setup.qrCodeDataUrl} alt="QR code à scanner avec l'application d'authentification" width={220} height={220} />
        </li>
        <li>
          Ou saisissez cette clé à la main dans l'application (type « basé sur le temps ») :{" "}
          <code data-testid="totp-secret">{setup.secret.match(/.{1,4}/g)?.join(" ")}</code>
        </li>
        <li>Puis saisissez le code à 6 chiffres que l'application affiche, pour vérifier.</li>
      </ol>
      <ErrorSummary errors={toSummary(form.errors, ["code"])} focusKey={form.attempt} />
      {confirm.isError ? (
        <Alert type="error" title="Code refusé">
          <p>{readApiError(confirm.error).message}</p>
        </Alert>
      ) : null}
      <form onSubmit={form.submit} noValidate>
        <TextField label="Code affiché par l'application" name="code" autoComplete="one-time-code" inputMode="numeric" value={form.code} error={form.errors.code} onChange={(e) => form.setCode(e.target.value)} />
        <div className="mn-actions">
          <Button type="submit" loading={confirm.isPending} loadingLabel="Vérification…">
            Vérifier et activer
          </Button>
        </div>
      </form>
    </>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <>
      <Alert type="success" title="La double authentification est activée." role="status">
        <p>
          Voici vos 10 codes de secours. Chacun permet de se connecter une seule fois sans votre téléphone. Notez-les ou imprimez-les
          et rangez-les à l'abri : ils ne seront plus jamais affichés.
        </p>
      </Alert>
      <ul data-testid="recovery-codes" className="mn-recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <Button onClick={onDone}>J'ai noté mes codes de secours</Button>
    </>
  );
}

function DisableTotp() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const disable = useMutation(
    trpc.totp.disable.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.totp.pathKey() }) }),
  );
  const form = useCodeForm(secondFactorInput, (input) => disable.mutate(input));
  return (
    <>
      <h3>Désactiver</h3>
      <p>Pour désactiver la double authentification (par exemple pour changer de téléphone), saisissez un code actuel ou un code de secours.</p>
      <ErrorSummary errors={toSummary(form.errors, ["code"])} focusKey={form.attempt} />
      {disable.isError ? (
        <Alert type="error" title="Désactivation refusée">
          <p>{readApiError(disable.error).message}</p>
        </Alert>
      ) : null}
      <form onSubmit={form.submit} noValidate>
        <TextField label="Code" name="code" autoComplete="one-time-code" value={form.code} error={form.errors.code} onChange={(e) => form.setCode(e.target.value)} />
        <div className="mn-actions">
          <Button type="submit" variant="secondary" loading={disable.isPending} loadingLabel="Désactivation…">
            Désactiver la double authentification
          </Button>
        </div>
      </form>
    </>
  );
}

function ColleaguesTotp({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const admins = useQuery(trpc.totp.admins.queryOptions());
  const [confirming, setConfirming] = useState<string | null>(null);
  const reset = useMutation(
    trpc.totp.resetFor.mutationOptions({
      onSuccess: () => {
        setConfirming(null);
        void queryClient.invalidateQueries({ queryKey: trpc.totp.pathKey() });
      },
    }),
  );
  return (
    <>
      <h2>Administrateurs</h2>
      <p>
        Un collègue a perdu son téléphone et ses codes de secours ? Réinitialisez sa double authentification : ses sessions sont
        fermées, il se reconnecte avec son mot de passe puis la réactive. L'action est inscrite au journal.
      </p>
      {reset.isError ? (
        <Alert type="error" title="Réinitialisation impossible">
          <p>{readApiError(reset.error).message}</p>
        </Alert>
      ) : null}
      <QueryState query={admins} loadingLabel="Chargement…" errorTitle="La liste des administrateurs n'a pas pu être chargée.">
        {() => (
          <table className="mn-table">
            <thead>
              <tr>
                <th scope="col">Administrateur</th>
                <th scope="col">Double authentification</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {admins.data!.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.displayName} <span className="mn-muted">({a.email})</span>
                  </td>
                  <td>{a.totpEnabledAt ? `activée le ${dateTime.format(a.totpEnabledAt)}` : "non activée"}</td>
                  <td>
                    {a.id === userId || !a.totpEnabledAt ? null : confirming === a.id ? (
                      <>
                        <Button size="small" loading={reset.isPending} loadingLabel="Réinitialisation…" onClick={() => reset.mutate({ userId: a.id })}>
                          Confirmer la réinitialisation
                        </Button>{" "}
                        <Button size="small" variant="secondary" onClick={() => setConfirming(null)}>
                          Annuler
                        </Button>
                      </>
                    ) : (
                      <Button size="small" variant="secondary" onClick={() => setConfirming(a.id)}>
                        Réinitialiser
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </>
  );
}
