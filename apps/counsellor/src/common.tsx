import { createContext, useContext, type ReactNode } from "react";
import { Alert, Button, Spinner, readApiError, useDocumentTitle } from "@medianum/ui";

export const APP_TITLE = "Médianum — Espace conseiller";

export function Title({ title }: { title: string }) {
  useDocumentTitle(title, APP_TITLE);
  return null;
}

/** Loading and error states of a query, in French; renders children once data is there. */
export function QueryState({
  query,
  loadingLabel,
  errorTitle,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  loadingLabel: string;
  errorTitle: string;
  children: () => ReactNode;
}) {
  if (query.isPending) return <Spinner label={loadingLabel} />;
  if (query.isError) {
    return (
      <Alert type="error" title={errorTitle}>
        <p>{readApiError(query.error).message}</p>
        <Button variant="secondary" size="small" onClick={() => void query.refetch()}>
          Réessayer
        </Button>
      </Alert>
    );
  }
  return <>{children()}</>;
}

/** One-shot message shown on the next page (e.g. "Accompagnement enregistré" after saving). */
export interface Flash {
  message: string | null;
  set: (message: string | null) => void;
}
export const FlashContext = createContext<Flash>({ message: null, set: () => {} });
export function useFlash() {
  return useContext(FlashContext);
}

/** Today's calendar day in the département's time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
