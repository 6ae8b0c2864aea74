import type { StatementMatch } from "../policy/types";
import type { Advice, Evidence, FixProposal, StatementRef } from "./evidence";

/** What a rule found: the values of its summary, its evidence, and what would fix it. */
export interface Finding {
  values: Record<string, string | number>;
  /** What one fix acts on (a role, a user and a role, a region): services sharing it are fixed together. */
  subject?: string;
  /** Short words for a list's badge title: the role, the mount, the user. */
  detail?: string[];
  evidence: Evidence[];
  fixes: FixProposal[];
  advice?: Advice[];
}

export const statementRef = (m: StatementMatch | undefined): StatementRef | undefined =>
  m ? { policy: m.policy, statementIndex: m.statementIndex, effect: m.effect } : undefined;
