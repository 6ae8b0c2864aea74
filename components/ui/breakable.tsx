import { Fragment } from "react";

/**
 * A long identifier (`AliyunContainerRegistryReadOnlyAccess`) that may wrap only where a reader
 * sees a word end: before each capital that follows a small letter, and after - _ . : /.
 */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[-_.:/])/);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {p}
        </Fragment>
      ))}
    </>
  );
}
