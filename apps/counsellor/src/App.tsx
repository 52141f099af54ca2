import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, Route, Router, Switch, useLocation } from "wouter";
import { Alert, Button, Layout, Spinner, readApiError, useDocumentTitle, useFocusOnRouteChange, NavItem, BottomNav } from "@medianum/ui";
import { LoginPage, UserMenu } from "./LoginPage.js";
import { useTRPC } from "@medianum/api-client";
import { APP_TITLE, FlashProvider } from "./common.js";
import { AgendaPage } from "./pages/AgendaPage.js";
import { NewAccompanimentPage } from "./pages/NewAccompanimentPage.js";
import { MyRecordsPage } from "./pages/MyRecordsPage.js";
import { MyCollegeSessionsPage } from "./pages/college/MyCollegeSessionsPage.js";
import { CollegeSessionPage } from "./pages/college/CollegeSessionPage.js";
import { CollectiveRecordPage } from "./pages/CollectiveRecordPage.js";
import { OutboxPage } from "./pages/OutboxPage.js";
import { PassNumeriquePage } from "./pages/PassNumeriquePage.js";
import { DirectoryPage } from "./pages/DirectoryPage.js";
import { DirectoryPlacePage } from "./pages/DirectoryPlacePage.js";
import { MyFiguresPage } from "./pages/MyFiguresPage.js";
import { CheckInPage } from "./pages/CheckInPage.js";
import { SyncStatus } from "./SyncStatus.js";
import { DAILY, OTHERS } from "./menu.js";
import { useDevice } from "./offline/device.js";
import { getMeta, setMeta, wipeDevice, type CachedUser } from "./offline/db.js";
import { useLive } from "./offline/live.js";
import { registerServiceWorker } from "./offline/service-worker.js";

const BASE = import.meta.env.BASE_URL;
// The QR code library loads only when a counsellor shows a code (the service worker keeps the chunk offline).
const FeedbackQrPage = lazy(() => import("./pages/FeedbackQrPage.js"));

function Frame({ children, user }: { children: ReactNode; user?: { displayName: string } }) {
  return (
    <Layout
      appName="Médianum"
      tagline="Espace conseiller"
      homeHref={BASE}
      navLabel="Menu de l'espace conseiller"
      nav={user ? [...DAILY, ...OTHERS].map((l) => (
        <NavItem key={l.href} href={l.href} section={l.section}>
          {l.label}
        </NavItem>
      )) : undefined}
      bottomNav={user ? <BottomNav label="Menu de l'espace conseiller" items={DAILY} more={OTHERS} /> : undefined}
      headerExtra={user ? <UserMenu displayName={user.displayName} /> : undefined}
    >
      {user ? <SyncStatus /> : null}
      <UpdateBanner />
      {children}
    </Layout>
  );
}

/** "A new version is ready": applied when the person chooses, never in the middle of a form. */
function UpdateBanner() {
  const [apply, setApply] = useState<(() => void) | null>(null);
  useEffect(() => registerServiceWorker((fn) => setApply(() => fn)), []);
  if (!apply) return null;
  return (
    <Alert type="info" title="Une nouvelle version de l'application est prête.">
      <p>Enregistrez d'abord ce que vous êtes en train de saisir.</p>
      <Button size="small" variant="secondary" onClick={apply}>
        Mettre à jour
      </Button>
    </Alert>
  );
}

function Routes() {
  const [location] = useLocation();
  useFocusOnRouteChange(location);
  return (
    <>
      <Switch>
        <Route path="/">
          <AgendaPage />
        </Route>
        <Route path="/accompagnements/nouveau">
          <NewAccompanimentPage />
        </Route>
        <Route path="/accompagnements/:id/modifier">{(p) => <NewAccompanimentPage key={p.id} editId={p.id} />}</Route>
        <Route path="/accompagnements">
          <MyRecordsPage />
        </Route>
        <Route path="/colleges">
          <MyCollegeSessionsPage />
        </Route>
        <Route path="/colleges/:id">{(p) => <CollegeSessionPage key={p.id} id={p.id} />}</Route>
        <Route path="/ateliers/nouveau">
          <CollectiveRecordPage />
        </Route>
        <Route path="/ateliers/:id/modifier">{(p) => <CollectiveRecordPage key={p.id} editId={p.id} />}</Route>
        <Route path="/ateliers/:id/avis">
          {(p) => (
            <Suspense fallback={<Spinner />}>
              <FeedbackQrPage key={p.id} recordId={p.id} />
            </Suspense>
          )}
        </Route>
        <Route path="/seances/:id/presences">{(p) => <CheckInPage key={p.id} sessionId={p.id} />}</Route>
        <Route path="/envois">
          <OutboxPage />
        </Route>
        <Route path="/pass-numerique">
          <PassNumeriquePage />
        </Route>
        <Route path="/annuaire/:id">{(p) => <DirectoryPlacePage key={p.id} id={p.id} />}</Route>
        <Route path="/annuaire">
          <DirectoryPage />
        </Route>
        <Route path="/mes-chiffres">
          <MyFiguresPage />
        </Route>
        <Route path="/connexion">
          <ReLogin />
        </Route>
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </>
  );
}

/** New login after the session expired: everything on the device stays, sending resumes. */
function ReLogin() {
  const trpc = useTRPC();
  // Asked again on arrival: the account cached from before the expiry must not send the person back at once.
  const me = useQuery({ ...trpc.auth.me.queryOptions(), retry: false, refetchOnMount: "always" });
  const [, navigate] = useLocation();
  const signedIn = !!me.data && me.isFetchedAfterMount;
  useEffect(() => {
    if (signedIn) navigate("/");
  }, [signedIn, navigate]);
  return <LoginPage appTitle={APP_TITLE} intro="Votre session a expiré. Vos saisies sont conservées sur cet appareil : reconnectez-vous pour les envoyer." />;
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

/** Starts the sync engine for the signed-in counsellor's device. */
function DeviceSession({ children }: { children: ReactNode }) {
  const { engine } = useDevice();
  useEffect(() => {
    void engine.start();
    return () => engine.stop();
  }, [engine]);
  return <>{children}</>;
}

/**
 * Who is using the app. Offline first: the account remembered on the device opens the app at
 * once; the server's answer, when there is one, confirms it, or tells that the session expired
 * (the app stays usable; sending waits for a new login), or that another account logged in.
 */
const loginPage = (
  <Frame>
    <LoginPage appTitle={APP_TITLE} intro="Espace des conseillers et conseillères numériques du Département." />
  </Frame>
);

/**
 * `startOnLogin`: the page arrived with this form already drawn (login.html, sent when the request
 * carried no session cookie); it stays on screen while the device is read.
 */
function Gate({ startOnLogin }: { startOnLogin: boolean }) {
  const trpc = useTRPC();
  const { db, engine } = useDevice();
  const local = useLive(async () => (await getMeta<CachedUser>(db, "user")) ?? null, [db]);
  // "always": ask even when the browser says offline (it may be wrong); a failure is just no answer.
  const me = useQuery({ ...trpc.auth.me.queryOptions(), retry: false, networkMode: "always", refetchOnReconnect: true });
  const server = me.data;

  useEffect(() => {
    if (local === undefined || me.isPending || me.isError) return;
    if (server && server.role === "counsellor" && server.counsellorId) {
      if (local?.id !== server.id || local.displayName !== server.displayName) {
        void (async () => {
          if (local && local.id !== server.id) await wipeDevice(db);
          await setMeta(db, "user", server);
        })();
      }
      if (engine.state.signedOut) engine.signedIn();
    } else if (server === null && local) {
      engine.markSignedOut();
    }
  }, [db, engine, local, server, me.isPending, me.isError]);

  if (local === undefined) {
    if (startOnLogin) return loginPage;
    return (
      <Frame>
        <h1>Espace conseiller</h1>
        <Spinner />
      </Frame>
    );
  }
  const user = local ?? (server && server.role === "counsellor" && server.counsellorId ? (server as CachedUser) : null);
  if (user) {
    return (
      <Frame user={user}>
        <DeviceSession>
          <Routes />
        </DeviceSession>
      </Frame>
    );
  }
  // Nobody is remembered on this device (the account it keeps is the "was logged in" sign): the
  // form shows without waiting for the server, whose answer still opens the app for a session
  // this device did not know of.
  if (me.isPending) return loginPage;
  if (me.isError) {
    return (
      <Frame>
        <h1>Espace conseiller</h1>
        <Alert type="error" title="L'espace conseiller n'a pas pu être chargé.">
          <p>{readApiError(me.error).message}</p>
          <p>La première connexion sur cet appareil demande du réseau ; ensuite, l'application fonctionne aussi sans.</p>
          <Button variant="secondary" size="small" onClick={() => void me.refetch()}>
            Réessayer
          </Button>
        </Alert>
      </Frame>
    );
  }
  if (!server) return loginPage;
  return (
    <Frame user={server}>
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

/** `ssrPath`: the page drawn at build time; the browser reads its own address. */
export function App({ startOnLogin, ssrPath }: { startOnLogin: boolean; ssrPath?: string }) {
  return (
    <Router base={BASE.replace(/\/$/, "")} ssrPath={ssrPath}>
      <FlashProvider>
        <Gate startOnLogin={startOnLogin} />
      </FlashProvider>
    </Router>
  );
}
