// Choices the services and roles lists offer, within what their route handlers accept
// (lib/inventory/query.ts: a search of at most 200 characters, a page size of at most 100).
export const SEARCH_MAX_LENGTH = 200;
export const PAGE_SIZES = [20, 50, 100] as const;
