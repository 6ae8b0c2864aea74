"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { buttonClasses } from "./button";

/**
 * A table row's actions behind one button, so a row stays as wide as its data. The panel is a
 * native popover (top layer: never clipped by the table's scroll box; Escape and a click outside
 * close it), placed under the button's right edge. `children` gets `close` for its items.
 */
export function RowMenu({ label, text, disabled, onClose, children }: {
  /** Accessible name, starting with `text` ("Actions for erin"). */
  label: string;
  text: string;
  disabled?: boolean;
  onClose?: () => void;
  children: (close: () => void) => ReactNode;
}) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  // By id, not ref: `close` is handed to children during render.
  const close = () => document.getElementById(id)?.hidePopover();

  // A fixed panel would drift from its button when the page scrolls; close it instead.
  useEffect(() => {
    if (!open) return;
    const onScroll = () => panel.current?.hidePopover();
    window.addEventListener("scroll", onScroll, { passive: true, capture: true });
    window.addEventListener("resize", onScroll);
    return () => {
      window.removeEventListener("scroll", onScroll, { capture: true });
      window.removeEventListener("resize", onScroll);
    };
  }, [open]);

  const place = () => {
    const at = button.current?.getBoundingClientRect();
    const el = panel.current;
    if (!at || !el) return;
    el.style.top = `${at.bottom + 4}px`;
    el.style.right = `${Math.max(8, document.documentElement.clientWidth - at.right)}px`;
  };

  const items = () => [...(panel.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
  const onKeyDown = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const go = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[e.key];
    if (go === undefined || list.length === 0) return;
    e.preventDefault();
    list[(go + list.length) % list.length].focus();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        popoverTarget={id}
        aria-label={label}
        aria-haspopup="true"
        aria-expanded={open}
        disabled={disabled}
        className={`${buttonClasses("secondary", "sm")} whitespace-nowrap`}
      >
        {text}
        <span aria-hidden className="text-slate-500">▾</span>
      </button>
      <div
        ref={panel}
        id={id}
        popover="auto"
        onBeforeToggle={(e) => e.newState === "open" && place()}
        onToggle={(e) => {
          const isOpen = e.newState === "open";
          setOpen(isOpen);
          if (isOpen) (items()[0] ?? panel.current?.querySelector<HTMLElement>("input, button"))?.focus();
          else onClose?.();
        }}
        onKeyDown={onKeyDown}
        style={{ inset: "auto" }}
        className="fixed m-0 min-w-44 rounded border border-slate-200 bg-white p-1 text-sm shadow-lg"
      >
        {children(close)}
      </div>
    </>
  );
}

/** One action in a RowMenu: a full-width menu item. */
export function MenuItem({ children, onSelect, disabled }: { children: ReactNode; onSelect: () => void; disabled?: boolean }) {
  return (
    <button
      type="button"
      role="menuitem"
      disabled={disabled}
      onClick={onSelect}
      className="block w-full whitespace-nowrap rounded px-2.5 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:text-slate-400"
    >
      {children}
    </button>
  );
}
