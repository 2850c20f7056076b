import { DestinationKind } from "../kinds/destination-kind";
import { LiveAutomation } from "../live/arm-input";
import { DestinationFacts, FlowGraphBuilder } from "./builder";
import { feedsOf } from "../sentinel/readiness";
import { dataInWords } from "./data-words";
import { FlowGraph } from "./flow-graph";

/**
 * The flow graph of automations as Azure returns them: each automation's subscription sends what its
 * sources select to the resources its actions name. Live automations say nothing of roles or of who
 * created a destination: every destination is drawn as existing, and the tenant is the one a Resource
 * Graph row names (`tenantId`), else not stated.
 */
export function flowGraphOfLive(
  automations: readonly LiveAutomation[],
  tenantOf: (a: LiveAutomation) => string | undefined = () => undefined,
): FlowGraph {
  const graph = new FlowGraphBuilder();
  for (const a of automations) {
    if (!a.view.enabled) continue;
    const data = dataInWords(a.view.sources);
    for (const action of a.view.actions) {
      const kind = DestinationKind.ofActionType(action.actionType);
      if (!kind) continue;
      const destination = liveDestination(action.resourceId, kind, action.trusted);
      graph.destination(destination);
      graph.flow({ subscriptionId: a.subscriptionId, tenantId: tenantOf(a), via: "automation" }, destination.key, data, feedsOf(a.view.sources));
    }
  }
  return graph.build();
}

function liveDestination(id: string, kind: DestinationKind, trusted: boolean): DestinationFacts {
  return { key: id.toLowerCase(), kind, name: kind.nameInId(id), created: false, trusted };
}
