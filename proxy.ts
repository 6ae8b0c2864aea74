import { NextResponse, type NextRequest } from "next/server";

// Hands the requested path to the render, so that sign-in can return to it and a refused
// page is audited by its path. Authorisation itself happens in the data-access layer.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-rolescope-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico).*)"],
};
