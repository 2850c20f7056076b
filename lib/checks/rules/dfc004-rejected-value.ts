import { DestinationKind } from "../../destinations/destination";
import { DataType } from "../../model/data-type";
import { Operator, PropertyType } from "../../model/rule";
import { PackRule, eachAutomation } from "./rule";

const OPERATORS = Operator.ALL.map((o) => o.value);
const PROPERTY_TYPES = PropertyType.ALL.map((t) => t.value);
const ACTION_TYPES = DestinationKind.ALL.map((k) => k.actionType);

/** DFC004: an event source, operator, property type or action type the provider or API rejects. */
export const DFC004: PackRule = {
  id: "DFC004",
  level: "error",
  summary: "an event source, operator, property type or action type the provider or API rejects (case included)",
  explanation: "The provider or the API refuses the value at apply; the message names the value meant.",
  check: eachAutomation((a) => {
    const found: Array<{ message: string }> = [];
    const add = (message: string) => found.push({ message });
    const allowedSources = a.writer.eventSources;
    for (const source of a.sources) {
      const dataType = DataType.ALL.find((t) => t.eventSources.includes(source.eventSource));
      if (!allowedSources.includes(source.eventSource)) {
        const near = allowedSources.find((s) => s.toLowerCase() === source.eventSource.toLowerCase());
        add(
          `event source "${source.eventSource}" is rejected${dataType ? ` by ${a.writer.name} (${a.writer.api})` : ""}. ${near ? `Write "${near}".` : `Use one of: ${allowedSources.join(", ")}.`}`,
        );
      }
      for (const rule of source.ruleSets.flat()) {
        if (!OPERATORS.includes(rule.operator)) add(`operator "${rule.operator}" is rejected. ${suggest(rule.operator, OPERATORS)}`);
        // The REST API and Microsoft's own policies send `string`; a writer may take only the library's spelling.
        const knownType = PROPERTY_TYPES.find((t) => t.toLowerCase() === rule.propertyType.toLowerCase());
        if (!knownType) add(`property type "${rule.propertyType}" is rejected. ${suggest(rule.propertyType, PROPERTY_TYPES)}`);
        else if (knownType !== rule.propertyType && a.writer.exactPropertyTypes)
          add(`property type "${rule.propertyType}" is rejected by ${a.writer.name} (the REST API accepts it). Write "${knownType}".`);
      }
    }
    for (const action of a.actions.filter((x) => !ACTION_TYPES.includes(x.actionType))) {
      add(
        `action type "${action.actionType}" is rejected by azurerm 5.x and the REST API. ${suggest(action.actionType, ACTION_TYPES, { loganalytics: "Workspace" })}`,
      );
    }
    return found;
  }),
};

function suggest(value: string, allowed: string[], aliases: Record<string, string> = {}): string {
  // Own keys only: a live action type "constructor" is no alias.
  const alias = Object.prototype.hasOwnProperty.call(aliases, value.toLowerCase()) ? aliases[value.toLowerCase()] : undefined;
  const near = allowed.find((a) => a.toLowerCase() === value.toLowerCase()) ?? alias;
  return near ? `Write "${near}" (values are case-sensitive).` : `Use one of: ${allowed.join(", ")}.`;
}
