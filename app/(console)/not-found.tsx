import { NotFoundNotice } from "@/components/shell/not-found-notice";

// A notFound() from a console page with no nearer boundary (a request id that names nothing):
// the console's layout keeps its frame around this.
export default function ConsoleNotFound() {
  return <NotFoundNotice signedIn />;
}
