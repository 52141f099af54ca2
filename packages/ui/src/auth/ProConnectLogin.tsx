import { useEffect, useState } from "react";
import { PROCONNECT_CONFIG_PATH, PROCONNECT_LOGIN_PATH, proConnectRefusalMessage, type ProConnectApp } from "@medianum/domain";
import { Alert } from "../components/feedback.js";

export interface ProConnectLoginProps {
  /** The app whose login page this is: ProConnect brings the person back there. */
  app: ProConnectApp;
}

/**
 * "Se connecter avec ProConnect" under the password form, only on an instance that has it, and
 * why a ProConnect login was refused (the server sends the person back with `?proconnect=<code>`).
 * The login page is drawn at build time, before anyone knows the instance's settings: both appear
 * once the script has run (nothing in the prerendered HTML, so hydration matches).
 */
export function ProConnectLogin({ app }: ProConnectLoginProps) {
  const [enabled, setEnabled] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    const url = new URL(window.location.href);
    const code = url.searchParams.get("proconnect");
    if (code !== null) {
      setRefusal(proConnectRefusalMessage(code));
      // A reload or a bookmark should not show the refusal again.
      url.searchParams.delete("proconnect");
      window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
    }
    let live = true;
    fetch(PROCONNECT_CONFIG_PATH, { credentials: "same-origin", headers: { accept: "application/json" } })
      .then((res) => (res.ok ? (res.json() as Promise<{ enabled?: unknown }>) : null))
      .then((body) => {
        if (live && body?.enabled === true) setEnabled(true);
      })
      // Offline or an older server: the password form is there.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      {refusal ? (
        <Alert type="error" title="Connexion avec ProConnect impossible">
          <p>{refusal}</p>
        </Alert>
      ) : null}
      {enabled ? (
        <div className="mn-proconnect">
          <p>Agent public ? Utilisez votre compte professionnel :</p>
          <a className="mn-button mn-button--secondary" href={`${PROCONNECT_LOGIN_PATH}?app=${app}`}>
            Se connecter avec ProConnect
          </a>
          <p>
            <a href="https://www.proconnect.gouv.fr/" target="_blank" rel="noopener noreferrer">
              Qu'est-ce que ProConnect ? (nouvelle fenêtre)
            </a>
          </p>
        </div>
      ) : null}
    </>
  );
}
