// Where the console shows a service and a role: one place for the URL shape both lists link to.
export const serviceHref = (region: string, name: string) => `/services/${encodeURIComponent(region)}/${encodeURIComponent(name)}`;
export const roleHref = (name: string) => `/roles/${encodeURIComponent(name)}`;
