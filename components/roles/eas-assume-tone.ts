import type { Tone } from "@/components/ui/tone";

/** "EAS can assume": the same two colours on every page, whether or not a service uses the role yet. */
export const easAssumeTone = (canAssume: boolean): Tone => (canAssume ? "success" : "danger");
