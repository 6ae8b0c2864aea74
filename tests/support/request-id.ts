// RAM, STS and EAS RequestIds are upper-case UUIDs (e.g. 04F0F334-1335-436C-A1D7-6C044FE73368);
// a test asserts the form, so a placeholder or an empty id cannot pass for one.
export const REQUEST_ID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
