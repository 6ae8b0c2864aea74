export { AppError, type ApiError, type ApiErrorBody, type CloudDetail } from "./app-error";
export { ERROR_STATUS, isErrorCode, type ErrorCode } from "./codes";
export { fromCloudError, fromZodError, toAppError } from "./from";
export { fieldRules, ruleOf } from "./zod-rules";
