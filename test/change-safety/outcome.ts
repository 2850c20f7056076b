import { StackPlan } from "./planner";

/**
 * What a plan does, in the words of the README's "Safe changes" table: each kind of action once, in a
 * fixed order. `hands over` is an address forgotten where the same resource is imported.
 */
export function outcomeOf(plans: Map<string, StackPlan>): string {
  const all = [...plans.values()].flatMap((plan) => [...plan.values()]);
  const has = (action: string) => all.some((p) => p.action === action);
  const words = [
    has("imported") && has("forgotten")
      ? "hands over (removed + import)"
      : has("imported")
        ? "imports"
        : has("forgotten")
          ? "forgets (stays in Azure)"
          : undefined,
    has("created") ? "creates" : undefined,
    has("updated") ? "updates in place" : undefined,
    all.some((p) => p.movedFrom) ? "moves" : undefined,
    has("destroyed") || has("replaced") ? "destroys only what you removed" : undefined,
  ].filter((w): w is string => w !== undefined);
  return words.length > 0 ? words.join(", ") : "no change";
}
