import type { ReactNode } from "react";
import { Link } from "wouter";
import { COLLEGE_REQUEST_RETENTION_MONTHS } from "@medianum/domain";
import { Layout, NavItem } from "@medianum/ui";
import { COLLEGE_SITE } from "./common.js";

/**
 * The collèges' own frame: staff of a collège come for sessions with their pupils, not for the
 * parents' workshops, so they get their space's name, its two tasks and its footer. A separate
 * chunk, loaded with the collège pages only.
 */
export default function CollegeLayout({ children }: { children: ReactNode }) {
  return (
    <Layout
      appName={COLLEGE_SITE}
      tagline="Sensibilisations au numérique pour les élèves, par les conseillers numériques du Département"
      homeHref="/colleges/demande"
      navLabel="Espace collèges"
      nav={
        <>
          <NavItem href="/colleges/creneaux">Réserver un créneau</NavItem>
          <NavItem href="/colleges/demande">Demander une séance</NavItem>
          <NavItem href="/colleges/suivi" section>
            Suivre une demande
          </NavItem>
        </>
      }
      footer={
        <>
          <p>
            Séances gratuites pour les collèges du département : cyberharcèlement, e-réputation, fonctionnement économique des
            réseaux sociaux.
          </p>
          <p>
            Une question sur une demande ? Écrivez-nous depuis sa <Link href="/colleges/suivi">page de suivi</Link> : la réponse
            arrive sur la même page et par e-mail.
          </p>
          <p>
            Données personnelles : le nom, la fonction et les coordonnées de la personne qui demande ne servent qu'à traiter la
            demande ; elles sont effacées {COLLEGE_REQUEST_RETENTION_MONTHS} mois après sa fin.
          </p>
          <p>
            Vous êtes parent ? <Link href="/">Voir les ateliers e-parentalité</Link>.
          </p>
        </>
      }
    >
      {children}
    </Layout>
  );
}
