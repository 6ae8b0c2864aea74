// Pure generators of the setup wizards: service-config JSON, policy documents, code snippets.
export * from "./rules";
export * from "./needs";
export * from "./recommend";
export * from "./endpoints";
export * from "./libraries";
export * from "./python";
export * from "./credentials";
export * from "./service-config";
export * from "./checks";
export * from "./policies";
export * from "./state";
export * from "./steps";
