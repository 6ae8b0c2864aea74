export { AppError } from "./app-error";
export { toAppError } from "./from";
export { ruleOf } from "./zod-rules";
