import { Annotations } from "cdktf";
import { IConstruct } from "constructs";

/**
 * Adds a warning to a construct once: a construct that reaches the same finding twice (one automation per
 * destination kind, a validation that runs on every synth) shows it once. Every warning the library
 * gives goes through here.
 */
export function warnOnce(scope: IConstruct, message: string): void {
  if (scope.node.metadata.some((m) => m.type === "@cdktf/warn" && m.data === message)) return;
  Annotations.of(scope).addWarning(message);
}
