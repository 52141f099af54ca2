import type { ButtonHTMLAttributes } from "react";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "primary" | "secondary" | "danger";
  size?: "normal" | "small";
  block?: boolean;
  /** Shows `loadingLabel` and sets aria-busy; clicks are ignored meanwhile. */
  loading?: boolean;
  loadingLabel?: string;
}

export function Button({
  variant = "primary",
  size = "normal",
  block = false,
  loading = false,
  loadingLabel = "Envoi en cours…",
  type = "button",
  className,
  children,
  onClick,
  ...rest
}: ButtonProps) {
  const classes = ["mn-button", `mn-button--${variant}`, size === "small" ? "mn-button--small" : "", block ? "mn-button--block" : "", className ?? ""]
    .filter(Boolean)
    .join(" ");
  return (
    <button
      {...rest}
      // Not `disabled` while loading: a disabled button loses focus and is skipped by screen readers.
      type={type}
      className={classes}
      aria-busy={loading || undefined}
      onClick={(e) => {
        if (loading) {
          e.preventDefault();
          return;
        }
        onClick?.(e);
      }}
    >
      {loading ? loadingLabel : children}
    </button>
  );
}
