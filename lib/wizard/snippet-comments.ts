// The comments inside the generated code, in the reader's language (`wizard.outputs.comments`):
// a Chinese reader gets Chinese comments. The code around them is the same in every language.

export interface SnippetComments {
  oss: string;
  ossWrite: string;
  maxcompute: string;
  provider: string;
  tool: string;
  uri: string;
  file: string;
}

/** A comment line: one line whatever the catalog holds, so it can never break the code. */
export const comment = (indent: string, text: string) => `${indent}# ${text.replace(/\s*[\r\n]+\s*/g, " ")}`;
