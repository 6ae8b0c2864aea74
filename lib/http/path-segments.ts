import "server-only";

/** Whether every segment of a raw (still encoded) URL path is valid percent-encoding. */
export function hasMalformedSegment(rawPath: string): boolean {
  for (const segment of rawPath.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

