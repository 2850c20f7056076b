import { compactSources, resourcesOf } from "../helpers";
import { automationNamed, json, text } from "./example-app";

test("example high-alerts-to-event-hub synthesizes with validations and matches its reviewed snapshot", () => {
  expect(text("high-alerts-to-event-hub")).toMatchSnapshot();
});

test("1. high-severity alerts to an event hub, with a Listen-only rule for the SIEM", () => {
  const automation = automationNamed("high-alerts-to-event-hub", "ExportToEventHub");
  expect(compactSources(automation)).toEqual([{ source: "Alerts", sets: [["Severity Equals high"]] }]);
  expect(automation.action[0].connection_string).toMatch(
    /^\$\{azurerm_eventhub_authorization_rule\.SiemHub_SendRule_\w+\.primary_connection_string\}$/,
  );
  const rules = Object.values(resourcesOf(json("high-alerts-to-event-hub"), "azurerm_eventhub_authorization_rule")) as any[];
  expect(rules.map((r) => [r.name, r.send, r.listen, r.manage])).toEqual([
    ["defender-export-send", true, false, false],
    ["siem-listen", false, true, false],
  ]);
});
