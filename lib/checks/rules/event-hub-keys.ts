import { DestinationKind } from "../../destinations/destination";
import { ActionView, AutomationView } from "../../writers/automation-view";

/** An Event Hub action that sends with a key, with what its key names in the stack. */
export interface EventHubKey {
  /** The automation's address, for findings. */
  readonly address: string;
  /** The action. */
  readonly action: ActionView;
  /** The key as written: a connection string, or a Terraform reference to one. */
  readonly secret: string;
  /**
   * The authorization rule (an event hub's or a namespace's) whose primary or secondary connection string
   * the key is, e.g. `azurerm_eventhub_authorization_rule.send`. @default none: the key is no such reference
   */
  readonly rule?: string;
  /**
   * The resource or data source, and its attribute, that the key is a reference to, whatever its type
   * (e.g. `azurerm_eventhub_namespace.ns` and `default_primary_connection_string`). @default none
   */
  readonly reference?: { readonly holder: string; readonly attribute: string };
}

const RULE_REFERENCE =
  /^\$\{((?:azurerm_eventhub_authorization_rule|azurerm_eventhub_namespace_authorization_rule)\.[^.}]+)\.(?:primary|secondary)_connection_string\}$/;
const REFERENCE = /^\$\{((?:data\.)?[a-z][\w-]*\.[\w-]+)\.([\w-]+)\}$/;

/** The Event Hub actions of the automations that carry a key (a connection string), in order (DFC005, DFC020, DFC060). */
export function eventHubKeys(automations: readonly AutomationView[]): EventHubKey[] {
  return automations.flatMap((a) =>
    a.actions.flatMap((action): EventHubKey[] => {
      const secret = action.secret;
      if (action.actionType !== DestinationKind.EVENT_HUB.actionType || typeof secret !== "string") return [];
      const reference = REFERENCE.exec(secret);
      return [
        {
          address: a.address,
          action,
          secret,
          rule: RULE_REFERENCE.exec(secret)?.[1],
          reference: reference ? { holder: reference[1], attribute: reference[2] } : undefined,
        },
      ];
    }),
  );
}
