import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface MenuAction {
  label: string;
  onSelect: () => void;
  /** Shown in red: the action removes or cancels something. */
  danger?: boolean;
}

export interface ActionsMenuProps {
  /** Visible text of the button, e.g. "Actions". */
  label?: string;
  /** What the actions apply to, read after the label by screen readers ("Actions : Camille Martin"). */
  subject: ReactNode;
  actions: readonly MenuAction[];
}

/**
 * The actions of a table row behind one button, so that the row stays narrow: a menu button
 * (aria-haspopup, aria-expanded) and a list of menu items. Keyboard as in the WAI-ARIA menu button
 * pattern: Enter, Space or ↓ opens on the first item, ↑ on the last; ↑ ↓ Home End move; Escape
 * closes and gives the focus back to the button; Tab closes and moves on.
 */
export function ActionsMenu({ label = "Actions", subject, actions }: ActionsMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const buttonId = useId();

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    // A click elsewhere closes the menu, as it would a native one.
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };

  function onButtonKey(e: KeyboardEvent) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      openAt(0);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      openAt(actions.length - 1);
    }
  }

  function onMenuKey(e: KeyboardEvent) {
    const last = actions.length - 1;
    const moves: Record<string, number> = { ArrowDown: active === last ? 0 : active + 1, ArrowUp: active === 0 ? last : active - 1, Home: 0, End: last };
    if (e.key in moves) {
      e.preventDefault();
      setActive(moves[e.key]!);
    } else if (e.key === "Escape") {
      e.preventDefault();
      close(true);
    } else if (e.key === "Tab") {
      setOpen(false);
    }
  }

  if (actions.length === 0) return null;
  return (
    <div className="mn-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className="mn-button mn-button--secondary mn-button--small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        {label}
        <span className="mn-visually-hidden"> : {subject}</span>
        <span aria-hidden="true" className="mn-menu__caret">
          ▾
        </span>
      </button>
      {open ? (
        <ul className="mn-menu__list" role="menu" id={menuId} aria-labelledby={buttonId} onKeyDown={onMenuKey}>
          {actions.map((a, i) => (
            <li key={a.label} role="none">
              <button
                ref={(el) => {
                  itemRefs.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={i === active ? 0 : -1}
                className={a.danger ? "mn-menu__item mn-menu__item--danger" : "mn-menu__item"}
                onClick={() => {
                  close(true);
                  a.onSelect();
                }}
              >
                {a.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
