// EAS often sends an event's Message as a JSON string: `{"versionId":1,"message":"Stage scale
// complete","availableInstance":1,"unavailableInstance":0}`. Read it into its words and fields.

export interface UnpackedMessage {
  text: string;
  fields: [string, string][];
}

export function unpackMessage(message: string): UnpackedMessage {
  const trimmed = message.trim();
  if (!trimmed.startsWith("{")) return { text: message, fields: [] };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (!value || typeof value !== "object" || Array.isArray(value)) return { text: message, fields: [] };
    const entries = Object.entries(value as Record<string, unknown>);
    const text = entries.find(([k, v]) => k.toLowerCase() === "message" && typeof v === "string")?.[1] as string | undefined;
    const fields = entries
      .filter(([k]) => k.toLowerCase() !== "message" || text === undefined)
      .map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)]);
    return { text: text ?? "", fields };
  } catch {
    return { text: message, fields: [] };
  }
}
