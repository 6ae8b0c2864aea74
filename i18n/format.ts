// Times as each reader expects them, always in UTC (as every time in the console). Chinese
// consoles write `2026-12-07 14:30:05`, which Intl has no pattern for, so zh-CN is built from the
// ISO string; English keeps Intl's words ("Dec 7, 2026, 14:30:05"). Both ask for the h23 hour
// cycle: with hour12 alone Node writes the hour after midnight as 24 and the browser as 00, and
// the page would not hydrate as sent.

export type StampStyle = "second" | "minute" | "short";

const EN: Record<StampStyle, Intl.DateTimeFormatOptions> = {
  second: { dateStyle: "medium", timeStyle: "medium" },
  minute: { dateStyle: "medium", timeStyle: "short" },
  short: { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" },
};

export function formatStamp(date: Date, locale: string, style: StampStyle = "second"): string {
  if (Number.isNaN(date.getTime())) return "";
  if (locale.startsWith("zh")) {
    const iso = date.toISOString();
    const day = style === "short" ? iso.slice(5, 10) : iso.slice(0, 10);
    return `${day} ${iso.slice(11, style === "second" ? 19 : 16)}`;
  }
  return new Intl.DateTimeFormat(locale, { ...EN[style], hourCycle: "h23", timeZone: "UTC" }).format(date);
}
