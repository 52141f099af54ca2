import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Link, useLocation } from "wouter";

export interface BottomNavLink {
  href: string;
  /** Full name of the page (the accessible name, and the label in the "Plus" sheet). */
  label: string;
  /** Shorter visible word for the bar; must be a part of `label` so that voice control finds it. */
  short?: string;
  /** Small pictogram above the word in the bar (decorative: hidden from screen readers). */
  icon?: ReactNode;
  /** Current on the pages under it too (e.g. "/colleges" for "/colleges/123"). */
  section?: boolean;
}

export interface BottomNavProps {
  /** Accessible name of the navigation landmark. */
  label: string;
  /** The few daily destinations, always on screen. */
  items: BottomNavLink[];
  /** The other pages, in a sheet opened by the last button. */
  more: BottomNavLink[];
  /** Title of the sheet. */
  moreTitle?: string;
}

/** Same rule as NavItem: the page itself, or its whole section when `section` is set. */
export function isCurrentPath(location: string, link: Pick<BottomNavLink, "href" | "section">): boolean {
  if (location === link.href) return true;
  return !!link.section && link.href !== "/" && location.startsWith(`${link.href}/`);
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Phone navigation: a bar fixed at the bottom of the screen with the daily destinations and a
 * "Plus" button opening a sheet with the rest. The sheet is a modal dialog: the focus goes in and
 * stays in (Tab wraps), Escape or "Fermer" closes it and gives the focus back to "Plus". The
 * stylesheet shows the bar only on narrow screens, where the header's menu is hidden.
 */
export function BottomNav({ label, items, more, moreTitle = "Autres pages" }: BottomNavProps) {
  const [location] = useLocation();
  const [open, setOpen] = useState(false);
  const moreButton = useRef<HTMLButtonElement>(null);
  const sheet = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const sheetId = useId();
  const currentInMore = more.find((l) => isCurrentPath(location, l));

  // Following a link of the sheet closes it; the new page then takes the focus (useFocusOnRouteChange).
  useEffect(() => setOpen(false), [location]);

  /** Closed by the person (Escape, "Fermer", a tap beside it): the focus goes back to "Plus". */
  const dismiss = useCallback(() => {
    setOpen(false);
    moreButton.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const el = sheet.current;
    const first = el?.querySelector<HTMLElement>('[aria-current="page"]') ?? el?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    // The page behind does not scroll under the sheet.
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    // Listened on the document: Escape and Tab are handled wherever the focus went.
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        dismiss();
      } else if (e.key === "Tab" && el) trapTab(e, el);
    };
    // A tap beside the sheet (on the dimmed page) closes it, as on any phone.
    const onPointerDown = (e: PointerEvent) => {
      if (el && !el.contains(e.target as Node) && !moreButton.current?.contains(e.target as Node)) dismiss();
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.body.style.overflow = overflow;
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open, dismiss]);

  return (
    <nav className="mn-bottom-nav" aria-label={label}>
      <ul>
        {items.map((link) => {
          const current = isCurrentPath(location, link);
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={current ? "page" : undefined} aria-label={link.short ? link.label : undefined}>
                {link.icon ? <span className="mn-bottom-nav__icon" aria-hidden="true">{link.icon}</span> : null}
                <span className="mn-bottom-nav__label">{link.short ?? link.label}</span>
              </Link>
            </li>
          );
        })}
        <li>
          <button
            ref={moreButton}
            type="button"
            className={currentInMore ? "mn-bottom-nav__more is-current" : "mn-bottom-nav__more"}
            aria-haspopup="dialog"
            aria-expanded={open}
            aria-controls={open ? sheetId : undefined}
            onClick={() => setOpen((o) => !o)}
          >
            <span className="mn-bottom-nav__icon" aria-hidden="true">
              <MoreIcon />
            </span>
            <span className="mn-bottom-nav__label">
              Plus<span className="mn-visually-hidden"> de pages{currentInMore ? ` (page actuelle : ${currentInMore.label})` : ""}</span>
            </span>
          </button>
        </li>
      </ul>
      {open ? (
        <>
          <div className="mn-sheet-backdrop" aria-hidden="true" />
          <div ref={sheet} id={sheetId} className="mn-sheet" role="dialog" aria-modal="true" aria-labelledby={titleId}>
            <div className="mn-sheet__head">
              <h2 id={titleId}>{moreTitle}</h2>
              <button type="button" className="mn-button mn-button--secondary mn-button--small" onClick={dismiss}>
                Fermer
              </button>
            </div>
            <ul className="mn-sheet__links">
              {more.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} aria-current={isCurrentPath(location, link) ? "page" : undefined} onClick={() => setOpen(false)}>
                    {link.icon ? <span className="mn-bottom-nav__icon" aria-hidden="true">{link.icon}</span> : null}
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        </>
      ) : null}
    </nav>
  );
}

/** Keeps Tab and Shift+Tab inside the sheet: past its last control the focus comes back to its first. */
function trapTab(e: KeyboardEvent, sheet: HTMLElement) {
  const focusables = [...sheet.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (focusables.length === 0) return;
  const first = focusables[0]!;
  const last = focusables[focusables.length - 1]!;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || !sheet.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !sheet.contains(active))) {
    e.preventDefault();
    first.focus();
  }
}

function MoreIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" fill="currentColor" focusable="false">
      <circle cx="5" cy="12" r="2" />
      <circle cx="12" cy="12" r="2" />
      <circle cx="19" cy="12" r="2" />
    </svg>
  );
}
