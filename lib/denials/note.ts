// The decoded reason of a refused cloud call, worded on the server for the reader's language and
// shown by ErrorState beside the cloud's code and RequestId. Plain data: it travels to the browser.
export interface DenialNote {
  /** "Why RAM refused it". */
  title: string;
  /** The reason in words, or what the console could tell without decoding. */
  text: string;
  /** Whether RAM decoded the message (false: the console says what it could not do). */
  decoded: boolean;
  /** The policies behind it, each with its page in the RAM console. */
  links: { label: string; href: string }[];
  /** The Why-denied page for this message: the fix, and a link to share. */
  open?: { label: string; href: string };
}
