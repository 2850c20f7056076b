import { App, Testing, TerraformStack } from "cdktf";
import { StackPlan, planStack } from "./planner";

/** Each stack's Terraform JSON (validations run), by stack id. */
export function synthStacks(build: (app: App) => void): Map<string, any> {
  const app = Testing.app();
  build(app);
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  return new Map(stacks.map((stack) => [stack.node.id, JSON.parse(Testing.synth(stack, true))]));
}

/** The plan of every stack, `after` against the state `before` leaves; a stack gone from the app is not planned (cdktf never destroys it). */
export function planApp(before: Map<string, any>, after: Map<string, any>): Map<string, StackPlan> {
  return new Map([...after].map(([id, json]) => [id, planStack(before.get(id), json)]));
}

/** `stack: address action (because)` lines for the addresses that are destroyed or replaced, except those `allowed`. */
export function losses(plans: Map<string, StackPlan>, allowed: (address: string) => boolean = () => false): string[] {
  return [...plans].flatMap(([stack, plan]) =>
    [...plan.values()]
      .filter((p) => (p.action === "destroyed" || p.action === "replaced") && !allowed(p.address))
      .map((p) => `${stack}: ${p.address} ${p.action}${p.because ? ` (${p.because.join(", ")})` : ""}`),
  );
}

/** The addresses with a given action, as `stack: address`. */
export function withAction(plans: Map<string, StackPlan>, action: string): string[] {
  return [...plans].flatMap(([stack, plan]) => [...plan.values()].filter((p) => p.action === action).map((p) => `${stack}: ${p.address}`));
}
