import { Link } from "wouter";
import { useDevice } from "./offline/device.js";
import { useEngineState, useLive } from "./offline/live.js";
import { Button } from "@medianum/ui";

/** One line, always visible: online or not, what waits, what needs fixing, whether to log in again. */
export function SyncStatus() {
  const { db, engine } = useDevice();
  const state = useEngineState(engine);
  const counts = useLive(async () => {
    const all = await db.outbox.toArray();
    return { waiting: all.filter((o) => o.status === "pending" || o.status === "sending").length, problems: all.filter((o) => o.status === "rejected" || o.status === "conflict").length };
  }, [db]);
  const waiting = counts?.waiting ?? 0;
  const problems = counts?.problems ?? 0;
  return (
    <div className="mn-sync-status" role="status" aria-live="polite">
      <p>
        <strong>{state.online ? "En ligne" : "Hors connexion"}</strong>
        {" · "}
        {/* Until the device has been read, say nothing rather than a reassuring "all sent". */}
        {!counts ? (
          <span>Vérification des envois…</span>
        ) : waiting > 0 ? (
          <Link href="/envois">{waiting} en attente</Link>
        ) : problems === 0 ? (
          <span>Tout est envoyé</span>
        ) : null}
        {/* Not "all sent" while something refused waits for a fix. */}
        {problems > 0 ? (
          <>
            {waiting > 0 ? " · " : null}
            <Link href="/envois">{problems} à corriger</Link>
          </>
        ) : null}
        {state.syncing ? " · Envoi en cours…" : null}
      </p>
      {state.signedOut ? (
        <p>
          Votre session a expiré : vos saisies restent sur cet appareil. <Link href="/connexion">Se reconnecter pour les envoyer</Link>
        </p>
      ) : null}
      {state.online && !state.signedOut && waiting > 0 && !state.syncing ? (
        <Button size="small" variant="secondary" onClick={() => void engine.run({ now: true })}>
          Envoyer maintenant
        </Button>
      ) : null}
    </div>
  );
}
