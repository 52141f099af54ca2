import { useState, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, Route, Router, Switch, useLocation } from "wouter";
import { Alert, Button, Layout, Spinner, readApiError, useDocumentTitle, useFocusOnRouteChange } from "@medianum/ui";
import { LoginPage, UserMenu } from "./LoginPage.js";
import { NavItem } from "./NavItem.js";
import { useTRPC } from "./trpc.js";
import { APP_TITLE, FlashContext } from "./common.js";
import { AgendaPage } from "./pages/AgendaPage.js";
import { NewAccompanimentPage } from "./pages/NewAccompanimentPage.js";
import { MyRecordsPage } from "./pages/MyRecordsPage.js";

const BASE = import.meta.env.BASE_URL;

function Frame({ children, user }: { children: ReactNode; user?: { displayName: string } }) {
  return (
    <Layout
      appName="Médianum"
      tagline="Espace conseiller"
      homeHref={BASE}
      navLabel="Menu de l'espace conseiller"
      nav={
        user ? (
          <>
            <NavItem href="/">Mon agenda</NavItem>
            <NavItem href="/accompagnements/nouveau">Nouvel accompagnement</NavItem>
            <NavItem href="/accompagnements">Mes accompagnements</NavItem>
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
  const [flash, setFlash] = useState<string | null>(null);
  return (
    <FlashContext.Provider value={{ message: flash, set: setFlash }}>
      <Switch>
        <Route path="/">
          <AgendaPage />
        </Route>
        <Route path="/accompagnements/nouveau">
          <NewAccompanimentPage />
        </Route>
        <Route path="/accompagnements">
          <MyRecordsPage />
        </Route>
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </FlashContext.Provider>
  );
}

function NotFound() {
  useDocumentTitle("Page introuvable", APP_TITLE);
  return (
    <>
      <h1>Page introuvable</h1>
      <p>Cette adresse ne correspond à aucune page de l'espace conseiller.</p>
      <p>
        <Link href="/">Aller à mon agenda</Link>
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
        <h1>Espace conseiller</h1>
        <Spinner />
      </Frame>
    );
  }
  if (me.isError) {
    return (
      <Frame>
        <h1>Espace conseiller</h1>
        <Alert type="error" title="L'espace conseiller n'a pas pu être chargé.">
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
        <LoginPage appTitle={APP_TITLE} intro="Espace des conseillers et conseillères numériques du Département." />
      </Frame>
    );
  }
  if (user.role !== "counsellor" || !user.counsellorId) {
    return (
      <Frame user={user}>
        <h1>Accès réservé</h1>
        <Alert type="warning" role="none">
          <p>Cet espace est réservé aux conseillers et conseillères numériques.</p>
        </Alert>
        <p>
          L'équipe de coordination travaille dans <a href="/pilotage/">l'espace de pilotage</a>.
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
      <Gate />
    </Router>
  );
}
