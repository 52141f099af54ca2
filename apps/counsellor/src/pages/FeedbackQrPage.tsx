import { useEffect, useState } from "react";
import { Link } from "wouter";
import QRCode from "qrcode";
import { feedbackQrUrl, formatDate, parisNoon } from "@medianum/domain";
import { Alert, Spinner, useDocumentTitle } from "@medianum/ui";
import { APP_TITLE } from "../common.js";
import { useDevice } from "../offline/device.js";
import { feedbackKeyFor } from "../offline/feedback-keys.js";
import { useLive } from "../offline/live.js";

type State = { status: "loading" } | { status: "none" } | { status: "ready"; url: string; svg: string };

/**
 * The QR code participants scan at the end of a collective workshop to answer anonymously on
 * their own phone. Drawn on the device from a key synced beforehand: works without network.
 */
export default function FeedbackQrPage({ recordId }: { recordId: string }) {
  useDocumentTitle("QR code d'avis", APP_TITLE);
  const { db } = useDevice();
  const record = useLive(() => db.records.get(recordId), [recordId]);
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const key = await feedbackKeyFor(db, recordId);
      if (!key) return !cancelled && setState({ status: "none" });
      const url = feedbackQrUrl(window.location.origin, key, recordId);
      const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
      if (!cancelled) setState({ status: "ready", url, svg });
    })();
    return () => {
      cancelled = true;
    };
  }, [db, recordId]);

  return (
    <>
      <h1>Votre avis sur l'atelier</h1>
      {record ? (
        <p>
          {record.workshopTitle ?? "Atelier collectif"} du {formatDate(parisNoon(record.date))}
        </p>
      ) : null}
      {state.status === "loading" ? <Spinner label="Préparation du QR code…" /> : null}
      {state.status === "none" ? (
        <Alert type="warning" title="Aucun QR code disponible sur cet appareil.">
          <p>Connectez-vous une fois au réseau : l'application en prépare d'avance pour vos prochains ateliers, utilisables ensuite sans connexion.</p>
        </Alert>
      ) : null}
      {state.status === "ready" ? (
        <>
          <p>Montrez ce code aux participants : chacun le scanne avec l'appareil photo de son téléphone et répond anonymement, en deux minutes.</p>
          <figure className="mn-qr">
            <div role="img" aria-label="QR code du questionnaire d'avis" dangerouslySetInnerHTML={{ __html: state.svg }} />
            <figcaption>
              Sans appareil photo, l'adresse : <span className="mn-qr__url">{state.url}</span>
            </figcaption>
          </figure>
        </>
      ) : null}
      <p>
        <Link href="/accompagnements">Retour à mes accompagnements</Link>
      </p>
    </>
  );
}
