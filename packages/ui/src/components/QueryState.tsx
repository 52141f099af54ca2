import type { ReactNode } from "react";
import { readApiError } from "../errors.js";
import { Button } from "./Button.js";
import { Alert, Spinner } from "./feedback.js";

export interface QueryStateProps {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  loadingLabel: string;
  errorTitle: string;
  children: () => ReactNode;
}

/** Loading and error states of a query, in French, with a retry; renders children once data is there. */
export function QueryState({ query, loadingLabel, errorTitle, children }: QueryStateProps) {
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
