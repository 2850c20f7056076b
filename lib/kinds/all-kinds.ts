import { EVENT_HUB_KIND } from "./event-hub";
import { LOGIC_APP_KIND } from "./logic-app";
import { WORKSPACE_KIND } from "./workspace";

/**
 * Every destination kind's declaration, in the order the library writes automations: the one list of
 * kinds. `DestinationKind.ALL` and the `KindPropKey` union derive from it; a new kind is one line here
 * (see docs/kinds.md).
 */
export const KIND_DECLARATIONS = [WORKSPACE_KIND, EVENT_HUB_KIND, LOGIC_APP_KIND] as const;
