"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";

/** Renders the page again: failed cloud reads are never cached, so this asks the cloud afresh. */
export function RetryButton({ label, busyLabel }: { label: string; busyLabel: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button size="sm" onClick={() => start(() => router.refresh())} disabled={pending}>
      {pending ? busyLabel : label}
    </Button>
  );
}
