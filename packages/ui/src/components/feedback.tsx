import { useEffect, useRef, type ReactNode } from "react";

export interface FieldError {
  /** Id of the field in error (the link goes to `#field`). */
  field: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: readonly FieldError[];
  title?: string;
  /** Moved to the summary on every new submission with errors (pass a counter). */
  focusKey?: unknown;
}

/**
 * List of the form's errors, shown above the form after a submission. Takes the focus so that
 * keyboard and screen-reader users learn that the form was not sent; each error links to its field.
 */
export function ErrorSummary({ errors, title = "Le formulaire contient des erreurs", focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0;
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, focusKey]);
  if (!hasErrors) return null;
  return (
    <div className="mn-error-summary" role="alert" aria-labelledby="mn-error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="mn-error-summary-title">{title}</h2>
      <p>
        {errors.length === 1 ? "1 erreur à corriger :" : `${errors.length} erreurs à corriger :`}
      </p>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.field}-${i}`}>
            <a
              href={`#${e.field}`}
              onClick={(ev) => {
                const target = document.getElementById(e.field);
                if (!target) return;
                ev.preventDefault();
                target.scrollIntoView?.({ block: "center" });
                target.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export type AlertType = "info" | "success" | "warning" | "error";

export interface AlertProps {
  type?: AlertType;
  title?: ReactNode;
  children?: ReactNode;
  /** Override the live-region role (default: "alert" for errors, "status" otherwise). */
  role?: "alert" | "status" | "none";
}

export function Alert({ type = "info", title, children, role }: AlertProps) {
  const liveRole = role ?? (type === "error" ? "alert" : "status");
  return (
    <div className={`mn-alert mn-alert--${type}`} role={liveRole === "none" ? undefined : liveRole}>
      {title ? <strong className="mn-alert__title">{title}</strong> : null}
      {children}
    </div>
  );
}

export function Spinner({ label = "Chargement en cours…" }: { label?: string }) {
  return (
    <div className="mn-spinner" role="status">
      {label}
    </div>
  );
}

export const Loading = Spinner;

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mn-empty">
      <p className="mn-empty__title">{title}</p>
      {children}
    </div>
  );
}

export function Card({ children, as: Tag = "div", className }: { children: ReactNode; as?: "div" | "li" | "article" | "section"; className?: string }) {
  return <Tag className={className ? `mn-card ${className}` : "mn-card"}>{children}</Tag>;
}

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info";

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={tone === "neutral" ? "mn-badge" : `mn-badge mn-badge--${tone}`}>{children}</span>;
}
