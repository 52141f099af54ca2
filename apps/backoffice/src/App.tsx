import type { ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, Redirect, Route, Router, Switch, useLocation } from "wouter";
import { isStaff } from "@medianum/domain";
import { Alert, Button, Layout, Spinner, readApiError, useDocumentTitle, useFocusOnRouteChange } from "@medianum/ui";
import { LoginPage, UserMenu } from "./LoginPage.js";
import { NavItem } from "./NavItem.js";
import { useTRPC } from "./trpc.js";
import { APP_TITLE } from "./pages/common.js";
import { SessionsPage } from "./pages/SessionsPage.js";
import { SessionRegistrationsPage } from "./pages/SessionRegistrationsPage.js";
import { WorkshopsPage } from "./pages/workshop/WorkshopsPage.js";
import { SessionFormPage } from "./pages/workshop/SessionFormPage.js";
import { OutboxPage } from "./pages/workshop/OutboxPage.js";
import { CollegeRequestsPage } from "./pages/CollegeRequestsPage.js";
import { CollegeRequestPage } from "./pages/CollegeRequestPage.js";
import { CollegeFiguresPage } from "./pages/CollegeFiguresPage.js";
import { RecordsPage } from "./pages/counsellor-activity/RecordsPage.js";
import { PassStockPage } from "./pages/counsellor-activity/PassStockPage.js";
import { DashboardPage } from "./pages/stats/DashboardPage.js";
import { ReviewPage } from "./pages/stats/ReviewPage.js";
import { TerritoryPage } from "./pages/territory/TerritoryPage.js";
import { ExportsPage } from "./pages/exports/ExportsPage.js";
import { PlacesPage } from "./pages/places/PlacesPage.js";
import { PlaceFormPage } from "./pages/places/PlaceFormPage.js";
import { PartnersPage } from "./pages/places/PartnersPage.js";
import { TeamPage } from "./pages/team/TeamPage.js";
import { MemberPage } from "./pages/team/MemberPage.js";
import { SetPasswordPage } from "./pages/team/SetPasswordPage.js";
import { AuditPage } from "./pages/audit/AuditPage.js";

const BASE = import.meta.env.BASE_URL;

function Frame({ children, user }: { children: ReactNode; user?: { displayName: string } }) {
  return (
    <Layout
      appName={APP_TITLE}
      tagline="Inclusion numérique du Département"
      homeHref={BASE}
      navLabel="Menu du pilotage"
      nav={
        user ? (
          <>
            <NavItem href="/tableau-de-bord">Tableau de bord</NavItem>
            <NavItem href="/seances" section>Séances</NavItem>
            <NavItem href="/ateliers">Ateliers</NavItem>
            <NavItem href="/demandes" section>Demandes des collèges</NavItem>
            <NavItem href="/chiffres-colleges">Chiffres des collèges</NavItem>
            <NavItem href="/saisies">Saisies des conseillers</NavItem>
            <NavItem href="/pass-numerique">Pass numérique</NavItem>
            <NavItem href="/territoire">Territoire</NavItem>
            <NavItem href="/exports">Exports</NavItem>
            <NavItem href="/lieux" section>Lieux</NavItem>
            <NavItem href="/equipe" section>Équipe</NavItem>
            <NavItem href="/journal">Journal</NavItem>
            <NavItem href="/messages">Messages</NavItem>
            <NavItem href="/bilan">Bilan annuel</NavItem>
          </>
        ) : undefined
      }
      headerExtra={user ? <UserMenu displayName={user.displayName} /> : undefined}
    >
      {children}
    </Layout>
  );
}

function Routes() {
  const [location] = useLocation();
  useFocusOnRouteChange(location);
  return (
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
      <Route path="/exports">
        <ExportsPage />
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
      <Route path="/chiffres-colleges">
        <CollegeFiguresPage />
      </Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
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

function Gate() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
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
  if (!user) {
    return (
      <Frame>
        <LoginPage appTitle={APP_TITLE} intro="Espace réservé à l'équipe de coordination du Département." />
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
      <Routes />
    </Frame>
  );
}

export function App() {
  return (
    <Router base={BASE.replace(/\/$/, "")}>
      <Switch>
        {/* Opened from an invitation or reset e-mail, before any login. */}
        <Route path="/mot-de-passe">
          <Frame>
            <SetPasswordPage />
          </Frame>
        </Route>
        <Route>
          <Gate />
        </Route>
      </Switch>
    </Router>
  );
}
