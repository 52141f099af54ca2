import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, Redirect, Route, Router, Switch, useLocation } from "wouter";
import { isStaff } from "@medianum/domain";
import { Alert, Button, CollapsibleNav, Layout, Spinner, readApiError, useDocumentTitle, useFocusOnRouteChange, NavItem } from "@medianum/ui";
import { LoginPage, UserMenu } from "./LoginPage.js";
import { useTRPC } from "@medianum/api-client";
import { APP_TITLE } from "./pages/common.js";
import { SecondFactorPage } from "./pages/security/SecondFactorPage.js";
/**
 * Each page is its own chunk, loaded when first opened: the back-office's first load stays small
 * on a slow connection instead of carrying every steering page.
 */
function lazyPage<K extends string, P>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const SessionsPage = lazyPage(() => import("./pages/SessionsPage.js"), "SessionsPage");
const SessionRegistrationsPage = lazyPage(() => import("./pages/SessionRegistrationsPage.js"), "SessionRegistrationsPage");
const WorkshopsPage = lazyPage(() => import("./pages/workshop/WorkshopsPage.js"), "WorkshopsPage");
const SessionFormPage = lazyPage(() => import("./pages/workshop/SessionFormPage.js"), "SessionFormPage");
const OutboxPage = lazyPage(() => import("./pages/workshop/OutboxPage.js"), "OutboxPage");
const CollegeRequestsPage = lazyPage(() => import("./pages/CollegeRequestsPage.js"), "CollegeRequestsPage");
const CollegeRequestPage = lazyPage(() => import("./pages/CollegeRequestPage.js"), "CollegeRequestPage");
const CollegeFiguresPage = lazyPage(() => import("./pages/CollegeFiguresPage.js"), "CollegeFiguresPage");
const CollegeSlotsPage = lazyPage(() => import("./pages/college-slot/CollegeSlotsPage.js"), "CollegeSlotsPage");
const RecordsPage = lazyPage(() => import("./pages/counsellor-activity/RecordsPage.js"), "RecordsPage");
const PassStockPage = lazyPage(() => import("./pages/counsellor-activity/PassStockPage.js"), "PassStockPage");
const DashboardPage = lazyPage(() => import("./pages/stats/DashboardPage.js"), "DashboardPage");
const ReviewPage = lazyPage(() => import("./pages/stats/ReviewPage.js"), "ReviewPage");
const TerritoryPage = lazyPage(() => import("./pages/territory/TerritoryPage.js"), "TerritoryPage");
const ExportsPage = lazyPage(() => import("./pages/exports/ExportsPage.js"), "ExportsPage");
const PlacesPage = lazyPage(() => import("./pages/places/PlacesPage.js"), "PlacesPage");
const PlaceFormPage = lazyPage(() => import("./pages/places/PlaceFormPage.js"), "PlaceFormPage");
const PartnersPage = lazyPage(() => import("./pages/places/PartnersPage.js"), "PartnersPage");
const TeamPage = lazyPage(() => import("./pages/team/TeamPage.js"), "TeamPage");
const MemberPage = lazyPage(() => import("./pages/team/MemberPage.js"), "MemberPage");
const SetPasswordPage = lazyPage(() => import("./pages/team/SetPasswordPage.js"), "SetPasswordPage");
const AuditPage = lazyPage(() => import("./pages/audit/AuditPage.js"), "AuditPage");
const FeedsPage = lazyPage(() => import("./pages/feeds/FeedsPage.js"), "FeedsPage");
const FeedbackCommentsPage = lazyPage(() => import("./pages/feedback/FeedbackCommentsPage.js"), "FeedbackCommentsPage");
const SecurityPage = lazyPage(() => import("./pages/security/SecurityPage.js"), "SecurityPage");

const BASE = import.meta.env.BASE_URL;

function Frame({ children, user }: { children: ReactNode; user?: { displayName: string; role: string } }) {
  return (
    <Layout
      appName={APP_TITLE}
      tagline="Inclusion numérique du Département"
      homeHref={BASE}
      navLandmark={
        user ? (
          <CollapsibleNav label="Menu du pilotage">
            <NavItem href="/tableau-de-bord">Tableau de bord</NavItem>
            <NavItem href="/seances" section>Séances</NavItem>
            <NavItem href="/ateliers">Ateliers</NavItem>
            <NavItem href="/demandes" section>Demandes des collèges</NavItem>
            <NavItem href="/creneaux-colleges">Créneaux des collèges</NavItem>
            <NavItem href="/chiffres-colleges">Chiffres des collèges</NavItem>
            <NavItem href="/saisies">Saisies des conseillers</NavItem>
            <NavItem href="/pass-numerique">Pass numérique</NavItem>
            <NavItem href="/territoire">Territoire</NavItem>
            <NavItem href="/avis">Avis des participants</NavItem>
            <NavItem href="/exports">Exports</NavItem>
            <NavItem href="/diffusion">Diffusion du catalogue</NavItem>
            <NavItem href="/lieux" section>Lieux</NavItem>
            <NavItem href="/equipe" section>Équipe</NavItem>
            <NavItem href="/journal">Journal</NavItem>
            <NavItem href="/messages">Messages</NavItem>
            <NavItem href="/bilan">Bilan annuel</NavItem>
            {user.role === "admin" ? <NavItem href="/securite">Sécurité du compte</NavItem> : null}
          </CollapsibleNav>
        ) : undefined
      }
      headerExtra={user ? <UserMenu displayName={user.displayName} /> : undefined}
    >
      {children}
    </Layout>
  );
}

function Routes({ user }: { user: { id: string; role: string } }) {
  const [location] = useLocation();
  useFocusOnRouteChange(location);
  return (
    <Suspense fallback={<Spinner label="Chargement de la page…" />}>
      <Switch>
        <Route path="/">
          <Redirect to="/seances" replace />
        </Route>
        <Route path="/tableau-de-bord">
          <DashboardPage />
        </Route>
        <Route path="/territoire">
          <TerritoryPage />
        </Route>
        <Route path="/avis">
          <FeedbackCommentsPage />
        </Route>
        <Route path="/exports">
          <ExportsPage />
        </Route>
        <Route path="/diffusion">
          <FeedsPage />
        </Route>
        <Route path="/lieux/nouveau">
          <PlaceFormPage />
        </Route>
        <Route path="/lieux/:id">{(p) => <PlaceFormPage key={p.id} id={p.id} />}</Route>
        <Route path="/lieux">
          <PlacesPage />
        </Route>
        <Route path="/partenaires">
          <PartnersPage />
        </Route>
        <Route path="/equipe/:id">{(p) => <MemberPage key={p.id} id={p.id} />}</Route>
        <Route path="/equipe">
          <TeamPage />
        </Route>
        {user.role === "admin" ? (
          <Route path="/securite">
            <SecurityPage userId={user.id} />
          </Route>
        ) : null}
        <Route path="/journal">
          <AuditPage />
        </Route>
        <Route path="/bilan">
          <ReviewPage />
        </Route>
        <Route path="/seances">
          <SessionsPage />
        </Route>
        <Route path="/seances/nouvelle">
          <SessionFormPage />
        </Route>
        <Route path="/seances/:id/modifier">{(p) => <SessionFormPage key={p.id} id={p.id} />}</Route>
        <Route path="/seances/:id">{(p) => <SessionRegistrationsPage key={p.id} id={p.id} />}</Route>
        <Route path="/ateliers">
          <WorkshopsPage />
        </Route>
        <Route path="/messages">
          <OutboxPage />
        </Route>
        <Route path="/demandes">
          <CollegeRequestsPage />
        </Route>
        <Route path="/demandes/:id">{(p) => <CollegeRequestPage key={p.id} id={p.id} />}</Route>
        <Route path="/saisies">
          <RecordsPage />
        </Route>
        <Route path="/pass-numerique">
          <PassStockPage />
        </Route>
        <Route path="/creneaux-colleges">
          <CollegeSlotsPage />
        </Route>
        <Route path="/chiffres-colleges">
          <CollegeFiguresPage />
        </Route>
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </Suspense>
  );
}

function NotFound() {
  useDocumentTitle("Page introuvable", APP_TITLE);
  return (
    <>
      <h1>Page introuvable</h1>
      <p>Cette adresse ne correspond à aucune page du pilotage.</p>
      <p>
        <Link href="/seances">Aller aux séances</Link>
      </p>
    </>
  );
}

const loginPage = (
  <Frame>
    <LoginPage appTitle={APP_TITLE} intro="Espace réservé à l'équipe de coordination du Département." />
  </Frame>
);

function Gate({ startOnLogin }: { startOnLogin: boolean }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  // Without a session cookie the answer can only be "nobody": the form already on screen stays.
  if (me.isPending && startOnLogin) return loginPage;
  if (me.isPending) {
    return (
      <Frame>
        <h1>Pilotage</h1>
        <Spinner />
      </Frame>
    );
  }
  if (me.isError) {
    return (
      <Frame>
        <h1>Pilotage</h1>
        <Alert type="error" title="Le pilotage n'a pas pu être chargé.">
          <p>{readApiError(me.error).message}</p>
          <Button variant="secondary" size="small" onClick={() => void me.refetch()}>
            Réessayer
          </Button>
        </Alert>
      </Frame>
    );
  }
  const user = me.data;
  if (!user) return loginPage;
  if (user.secondFactorPending) {
    return (
      <Frame>
        <SecondFactorPage displayName={user.displayName} />
      </Frame>
    );
  }
  if (!isStaff(user.role)) {
    return (
      <Frame user={user}>
        <h1>Accès réservé</h1>
        <Alert type="warning" role="none">
          <p>Cet espace est réservé à l'équipe de coordination.</p>
        </Alert>
        <p>
          Vous êtes conseiller ou conseillère numérique : votre agenda et vos accompagnements sont dans{" "}
          <a href="/conseiller/">l'espace conseiller</a>.
        </p>
      </Frame>
    );
  }
  return (
    <Frame user={user}>
      <Routes user={user} />
    </Frame>
  );
}

/** `ssrPath`: the page drawn at build time; the browser reads its own address. */
export function App({ startOnLogin, ssrPath }: { startOnLogin: boolean; ssrPath?: string }) {
  return (
    <Router base={BASE.replace(/\/$/, "")} ssrPath={ssrPath}>
      <Switch>
        {/* Opened from an invitation or reset e-mail, before any login. */}
        <Route path="/mot-de-passe">
          <Frame>
            <Suspense fallback={<Spinner label="Chargement de la page…" />}>
              <SetPasswordPage />
            </Suspense>
          </Frame>
        </Route>
        <Route>
          <Gate startOnLogin={startOnLogin} />
        </Route>
      </Switch>
    </Router>
  );
}
