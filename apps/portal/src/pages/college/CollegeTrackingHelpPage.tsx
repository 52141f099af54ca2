import { Link } from "wouter";
import { useDocumentTitle } from "@medianum/ui";
import { COLLEGE_SITE } from "./common.js";

/** « Suivre une demande » without a link: each request is followed through its own private link. */
export default function CollegeTrackingHelpPage() {
  useDocumentTitle("Suivre une demande", COLLEGE_SITE);
  return (
    <>
      <h1>Suivre une demande</h1>
      <p>
        Chaque demande a son lien de suivi personnel, envoyé par e-mail dès son envoi, dans le message « Demande de séance
        reçue » : ouvrez ce lien pour voir où en est la demande, les dates prévues, nous écrire ou annuler.
      </p>
      <h2>Vous ne trouvez plus le lien ?</h2>
      <ul>
        <li>Cherchez l'e-mail dans la boîte de la personne qui a fait la demande, et dans ses courriers indésirables.</li>
        <li>Un collègue à qui le lien a été transféré peut vous le faire suivre.</li>
        <li>
          Sinon, <Link href="/colleges/demande">faites une nouvelle demande</Link> en indiquant dans « Contraintes » qu'elle
          remplace une demande précédente.
        </li>
      </ul>
    </>
  );
}
