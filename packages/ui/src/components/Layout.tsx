import { useEffect, type ReactNode } from "react";

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
   * A navigation landmark of its own in place of `nav`'s plain list (the back-office's
   * `CollapsibleNav`); passed in rather than built here, so an app without it does not carry its code.
   */
  navLandmark?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}

/**
 * Page frame: skip link, header with app name and navigation, `<main id="contenu">`, footer.
 * Also exported as `Page`.
 */
export function Layout({ appName, tagline, homeHref = "/", nav, navLabel = "Menu principal", headerExtra, bottomNav, navLandmark, footer, children }: LayoutProps) {
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
        {navLandmark ?? (nav ? (
          <nav className="mn-nav" aria-label={navLabel}>
            <div className="mn-container">
              <ul>{nav}</ul>
            </div>
          </nav>
        ) : null)}
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

/** Sets `document.title` to "<title> — <suffix>" while the page is shown. */
export function useDocumentTitle(title: string, suffix?: string) {
  useEffect(() => {
    document.title = suffix ? `${title} — ${suffix}` : title;
  }, [title, suffix]);
}

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="mn-visually-hidden">{children}</span>;
}
