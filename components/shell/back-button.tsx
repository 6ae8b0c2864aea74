"use client";

import { useRouter } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";

/** Back to the page the reader came from; to the overview when the console is where they started. */
export function BackButton({ label }: { label: string }) {
  const router = useRouter();
  return (
    <button type="button" className={buttonClasses("secondary", "sm")} onClick={() => (window.history.length > 1 ? router.back() : router.push("/"))}>
      {label}
    </button>
  );
}
