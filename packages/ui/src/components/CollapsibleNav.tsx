import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * A long menu (the back-office's fifteen pages) that folds behind a « Menu » button below 30rem, so
 * that on a phone the page starts under the header instead of under the whole list. The button is a
 * disclosure (aria-expanded), shown only on narrow screens (CSS):
 * choosing a page or Escape folds the menu again, Escape giving the focus back to the button.
 */
export function CollapsibleNav({ label, children }: { label: string; children: ReactNode }) {
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
