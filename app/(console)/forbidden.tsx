import { ForbiddenNotice } from "@/components/auth/forbidden-notice";

export default function Forbidden() {
  return <ForbiddenNotice />;
}
