import type { DocLine } from "@/lib/diagnosis/types";

const bare = (text: string) => text.replace(/,\s*$/, "");

/**
 * A document's lines with what it lacks marked: the added lines of the diff to the fixed
 * document, leaving out the comma a line gains when one is added after it.
 */
export function missingLines(lines: readonly DocLine[]): { text: string; missing: boolean }[] {
  const added = new Set(lines.filter((l) => l.kind === "add").map((l) => bare(l.text)));
  const removed = new Set(lines.filter((l) => l.kind === "del").map((l) => bare(l.text)));
  return lines.flatMap((l) => {
    if (l.kind === "del") return added.has(bare(l.text)) ? [] : [{ text: l.text, missing: false }];
    if (l.kind === "add") return [{ text: l.text, missing: !removed.has(bare(l.text)) }];
    return [{ text: l.text, missing: false }];
  });
}
