import { comparableManifest } from "./python-terraform";

test("the Python comparison of manifests drops each annotation's stack trace and nothing else", () => {
  const manifest = (trace: string[], message: string) =>
    JSON.stringify({
      version: "0.21.0",
      stacks: {
        s: {
          name: "s",
          annotations: [{ constructPath: "s/A", level: "@cdktf/warn", message, stacktrace: trace }],
          dependencies: [],
        },
      },
    });
  expect(comparableManifest(manifest(["a.ts:1"], "[DFW001] w"))).toBe(comparableManifest(manifest(["program.js:1", "kernel"], "[DFW001] w")));
  expect(comparableManifest(manifest(["a.ts:1"], "[DFW001] w"))).not.toBe(comparableManifest(manifest(["a.ts:1"], "[DFW002] w")));
  expect(comparableManifest(manifest([], "w"))).not.toContain("stacktrace");
});
