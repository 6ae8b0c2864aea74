import { describe, expect, it } from "vitest";
import { unpackMessage } from "./event-message";

describe("unpackMessage", () => {
  it("reads EAS's JSON Message into its words and fields", () => {
    expect(unpackMessage('{"versionId":1,"message":"Stage scale complete","availableInstance":1,"unavailableInstance":0}')).toEqual({
      text: "Stage scale complete",
      fields: [["versionId", "1"], ["availableInstance", "1"], ["unavailableInstance", "0"]],
    });
  });

  it("leaves plain text and broken JSON as they are", () => {
    expect(unpackMessage("Back-off restarting failed container")).toEqual({ text: "Back-off restarting failed container", fields: [] });
    expect(unpackMessage("{not json")).toEqual({ text: "{not json", fields: [] });
    expect(unpackMessage('{"a":{"b":2}}')).toEqual({ text: "", fields: [["a", '{"b":2}']] });
  });
});
