// The console's sections, in order. A section is listed only once its pages exist.
export interface NavItem {
  /** Key into the `shell.nav` messages. */
  key: "overview";
  href: string;
  exact?: boolean;
}

export const NAV_ITEMS: NavItem[] = [{ key: "overview", href: "/", exact: true }];
