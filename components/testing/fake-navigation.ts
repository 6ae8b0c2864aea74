import { useMemo, useSyncExternalStore } from "react";

// A stand-in for next/navigation in component tests. Like the real router, it lets a render see
// a new URL only a moment after the address bar changed (Next commits navigations in a
// transition), so a control that builds on the rendered URL instead of the current one loses
// a change made in between, as it would in the browser.
let committed = "";
const listeners = new Set<() => void>();

function commitSoon() {
  setTimeout(() => {
    committed = window.location.search;
    listeners.forEach((l) => l());
  }, 0);
}

export function resetNavigation(url: string) {
  window.history.replaceState(null, "", url);
  committed = window.location.search;
  listeners.forEach((l) => l());
}

const realPush = window.history.pushState.bind(window.history);
const realReplace = window.history.replaceState.bind(window.history);
window.history.pushState = (data, unused, url) => {
  realPush(data, unused, url);
  commitSoon();
};
window.history.replaceState = (data, unused, url) => {
  realReplace(data, unused, url);
  commitSoon();
};

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useSearchParams(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, () => committed);
  return useMemo(() => new URLSearchParams(search), [search]);
}

export const usePathname = () => window.location.pathname;

export const useRouter = () => ({
  push: (href: string) => window.history.pushState(null, "", href),
  replace: (href: string) => window.history.replaceState(null, "", href),
  refresh: () => undefined,
  back: () => undefined,
  forward: () => undefined,
  prefetch: () => undefined,
});
