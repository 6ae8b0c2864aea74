import { ConsoleFrame } from "@/components/shell/console-frame";
import { NotFoundNotice } from "@/components/shell/not-found-notice";
import { getCurrentUser } from "@/lib/auth/session";

// An address no page has: inside the console's frame for a signed-in user (the sections stay one
// click away), a plain page with the way to sign in for anyone else.
export default async function NotFound() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <main id="main" className="min-h-screen bg-slate-50 px-4 pt-[6vh]">
        <NotFoundNotice signedIn={false} />
      </main>
    );
  }
  return (
    <ConsoleFrame user={user}>
      <NotFoundNotice signedIn />
    </ConsoleFrame>
  );
}
