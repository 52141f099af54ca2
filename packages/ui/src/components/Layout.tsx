import { useEffect, useId, useRef, useState, type ReactNode } from "react";

export interface LayoutProps {
  /** Name of the application, shown in the header (e.g. "Médianum — Pilotage"). */
  appName: string;
  /** Short line under the name (e.g. "Département de Lot-et-Garonne"). */
  tagline?: string;
  /** Where the brand links to (home of the app). */
  homeHref?: string;
  /** Navigation links (list items are added here); omit for pages without navigation. */
  nav?: ReactNode;
  /** Accessible name of the navigation landmark. */
  navLabel?: string;
  /** Content at the right of the header: who is logged in, log-out button. */
  headerExtra?: ReactNode;
  /**
   * Navigation for narrow screens (a BottomNav): shown instead of `nav` below 48rem, fixed at the
   * bottom so that the page's content starts right under a compact header.
   */
  bottomNav?: ReactNode;
  /**
   * A long menu (the back-office's fifteen pages) folds behind a « Menu » button below 30rem,
   * so that on a phone the page starts under the header instead of under the whole list.
   */
  collapsibleNav?: boolean;
  footer?: ReactNode;
  children: ReactNode;
}

/**
 * Page frame: skip link, header with app name and navigation, `<main id="contenu">`, footer.
 * Also exported as `Page`.
 */
export function Layout({ appName, tagline, homeHref = "/", nav, navLabel = "Menu principal", headerExtra, bottomNav, collapsibleNav, footer, children }: LayoutProps) {
  return (
    <div className={bottomNav ? "mn-page mn-page--bottom-nav" : "mn-page"}>
      <a className="mn-skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="mn-header">
        <div className="mn-container mn-header__inner">
          <a className="mn-header__brand" href={homeHref}>
            {appName}
            {tagline ? <small>{tagline}</small> : null}
          </a>
          {headerExtra ? <div className="mn-header__extra">{headerExtra}</div> : null}
        </div>
        {nav ? collapsibleNav ? <CollapsibleNav label={navLabel}>{nav}</CollapsibleNav> : (
          <nav className="mn-nav" aria-label={navLabel}>
            <div className="mn-container">
              <ul>{nav}</ul>
            </div>
          </nav>
        ) : null}
      </header>
      {bottomNav}
      <main id="contenu" className="mn-main" tabIndex={-1}>
        <div className="mn-container">{children}</div>
      </main>
      <footer className="mn-footer">
        <div className="mn-container">{footer ?? <p>Médianum — inclusion numérique du Département</p>}</div>
      </footer>
    </div>
  );
}

export const Page = Layout;

/**
 * A disclosure button (aria-expanded) in front of the menu, shown only on narrow screens (CSS):
 * choosing a page or Escape folds the menu again, Escape giving the focus back to the button.
 */
function CollapsibleNav({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const navRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Listened to on the landmark itself (links and keys bubble up to it), not on the list.
  useEffect(() => {
    const nav = navRef.current;
    if (!nav || !open) return;
    const onClick = (e: Event) => {
      if (e.target instanceof Element && e.target.closest("a")) setOpen(false);
    };
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    nav.addEventListener("click", onClick);
    nav.addEventListener("keydown", onKeyDown);
    return () => {
      nav.removeEventListener("click", onClick);
      nav.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);
  return (
    <nav ref={navRef} className="mn-nav mn-nav--collapsible" aria-label={label}>
      <div className="mn-container">
        <button ref={buttonRef} type="button" className="mn-nav__toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? "✕" : "☰"}</span> Menu
        </button>
        <ul id={listId} data-open={open}>
          {children}
        </ul>
      </div>
    </nav>
  );
}
/** Sets `document.title` to "<title> — <suffix>" while the page is shown. */
export function useDocumentTitle(title: string, suffix?: string) {
  useEffect(() => {
    document.title = suffix ? `${title} — ${suffix}` : title;
  }, [title, suffix]);
}

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="mn-visually-hidden">{children}</span>;
}
