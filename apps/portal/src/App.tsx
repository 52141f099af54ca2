import { lazy, Suspense } from "react";
import { Link, Route, Router, Switch, useLocation } from "wouter";
import { Layout, Spinner, useDocumentTitle, useFocusOnRouteChange } from "@medianum/ui";
import { HomePage } from "./pages/HomePage.js";

// The booking page (and the form validation it carries) loads only when a parent opens a session.
const SessionPage = lazy(() => import("./pages/SessionPage.js"));
// The page behind the manage link sent by e-mail (also lazy: few visitors need it).
const ManagePage = lazy(() => import("./pages/ManagePage.js"));
// Collège requests and their tracking pages: separate chunks, never in the home page's budget.
const CollegeRequestPage = lazy(() => import("./pages/college/CollegeRequestPage.js"));
const CollegeTrackingPage = lazy(() => import("./pages/college/CollegeTrackingPage.js"));
const CollegeTrackingHelpPage = lazy(() => import("./pages/college/CollegeTrackingHelpPage.js"));
// Published slots a collège books at once: in the request page's chunk, which holds their form.
const CollegeSlotRoutes = lazy(() => import("./pages/college/CollegeRequestPage.js").then((m) => ({ default: m.CollegeSlotRoutes })));
// The feedback questionnaire behind an e-mail link or a workshop's QR code.
const FeedbackPage = lazy(() => import("./pages/feedback/FeedbackPage.js"));
// The collèges' own header and footer, loaded with their pages.
const CollegeLayout = lazy(() => import("./pages/college/CollegeLayout.js"));

export const SITE_NAME = "Ateliers e-parentalité";

function Routes() {
  const [location] = useLocation();
  useFocusOnRouteChange(location);
  return (
    <Suspense fallback={<Spinner />}>
      <Switch>
        <Route path="/">
          <HomePage />
        </Route>
        <Route path="/seances/:id">{(params) => <SessionPage key={params.id} id={params.id} />}</Route>
        <Route path="/inscription/:token">{(params) => <ManagePage key={params.token} token={params.token} />}</Route>
        <Route path="/avis/:token">{(params) => <FeedbackPage key={params.token} token={params.token} />}</Route>
        <Route path="/colleges/demande">
          <CollegeRequestPage />
        </Route>
        <Route path="/colleges/creneaux/:id?">{(params) => <CollegeSlotRoutes id={params.id} />}</Route>
        <Route path="/colleges/suivi">
          <CollegeTrackingHelpPage />
        </Route>
        <Route path="/colleges/suivi/:token">{(params) => <CollegeTrackingPage key={params.token} token={params.token} />}</Route>
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </Suspense>
  );
}

function NotFound() {
  useDocumentTitle("Page introuvable", SITE_NAME);
  return (
    <>
      <h1>Page introuvable</h1>
      <p>Cette adresse ne correspond à aucune page. Elle a peut-être été mal recopiée.</p>
      <p>
        <Link href="/">Voir les ateliers à venir</Link>
      </p>
    </>
  );
}

/** `ssrPath` (path and query): the page the server renders; the browser reads its own address. */
export function App({ ssrPath }: { ssrPath?: string }) {
  return (
    <Router base={import.meta.env.BASE_URL.replace(/\/$/, "")} ssrPath={ssrPath}>
      <Frame />
    </Router>
  );
}

function Frame() {
  const [location] = useLocation();
  if (location.startsWith("/colleges")) {
    return (
      <Suspense fallback={null}>
        <CollegeLayout>
          <Routes />
        </CollegeLayout>
      </Suspense>
    );
  }
  return (
    <Layout
      appName={SITE_NAME}
      tagline="Ateliers gratuits du Département pour les parents"
      homeHref={import.meta.env.BASE_URL}
      footer={
        <>
          <p>
            Ateliers gratuits proposés par les conseillers numériques du Département. Vos données servent uniquement à
            gérer votre inscription.
          </p>
          <p>
            Vous travaillez dans un collège ? <Link href="/colleges/demande">Demander une séance de sensibilisation</Link>{" "}
            (cyberharcèlement, e-réputation, réseaux sociaux).
          </p>
        </>
      }
    >
      <Routes />
    </Layout>
  );
}
