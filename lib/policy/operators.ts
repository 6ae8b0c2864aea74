// Condition operators RAM documents, grouped by how their values are read and compared.

type OperatorFamily = "String" | "Numeric" | "Date" | "Bool" | "Ip";

export interface OperatorSpec {
  family: OperatorFamily;
  /** Negated operators are true when no value matches (NOR over the listed values). */
  negated: boolean;
  compare: "eq" | "eqIgnoreCase" | "like" | "lt" | "lte" | "gt" | "gte" | "cidr" | "bool";
}

const CONDITION_OPERATORS: Readonly<Record<string, OperatorSpec>> = {
  StringEquals: { family: "String", negated: false, compare: "eq" },
  StringNotEquals: { family: "String", negated: true, compare: "eq" },
  StringEqualsIgnoreCase: { family: "String", negated: false, compare: "eqIgnoreCase" },
  StringNotEqualsIgnoreCase: { family: "String", negated: true, compare: "eqIgnoreCase" },
  StringLike: { family: "String", negated: false, compare: "like" },
  StringNotLike: { family: "String", negated: true, compare: "like" },
  NumericEquals: { family: "Numeric", negated: false, compare: "eq" },
  NumericNotEquals: { family: "Numeric", negated: true, compare: "eq" },
  NumericLessThan: { family: "Numeric", negated: false, compare: "lt" },
  NumericLessThanEquals: { family: "Numeric", negated: false, compare: "lte" },
  NumericGreaterThan: { family: "Numeric", negated: false, compare: "gt" },
  NumericGreaterThanEquals: { family: "Numeric", negated: false, compare: "gte" },
  DateEquals: { family: "Date", negated: false, compare: "eq" },
  DateNotEquals: { family: "Date", negated: true, compare: "eq" },
  DateLessThan: { family: "Date", negated: false, compare: "lt" },
  DateLessThanEquals: { family: "Date", negated: false, compare: "lte" },
  DateGreaterThan: { family: "Date", negated: false, compare: "gt" },
  DateGreaterThanEquals: { family: "Date", negated: false, compare: "gte" },
  Bool: { family: "Bool", negated: false, compare: "bool" },
  IpAddress: { family: "Ip", negated: false, compare: "cidr" },
  NotIpAddress: { family: "Ip", negated: true, compare: "cidr" },
};

export function operatorSpec(name: string): OperatorSpec | undefined {
  return Object.prototype.hasOwnProperty.call(CONDITION_OPERATORS, name) ? CONDITION_OPERATORS[name] : undefined;
}
