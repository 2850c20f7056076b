import fc from "fast-check";

/**
 * Generators of hostile live input: text made to break out of wherever it is written (a string literal,
 * a comment, a template, a terminal line), any JSON value where text is expected, and a live export
 * whose every field can be replaced by one of them.
 */

/** Marks the text a test put into the input: wherever it shows up in a program, it must be inside a string literal. */
export const SENTINEL = "Zq7Sentinel";

/** Pieces that end or open something in TypeScript, JSON, Terraform or a terminal. */
export const BREAKERS = [
  "\n",
  "\r",
  "\r\n",
  "\u2028",
  "\u2029",
  "\u0085",
  '"',
  "'",
  "`",
  "${",
  "}",
  "%{",
  "*/",
  "/*",
  "//",
  "\\",
  "\\u",
  "\\u{",
  "\\x",
  "\\0",
  "\\n",
  "\\\n",
  "\0",
  "\ud800",
  "\udc00",
  "\udbff\udfff",
  "\u001b[32m",
  "\u001b]0;title\u0007",
  "\u009b31m",
  "\u202e",
  "\u2066",
  "\ufeff",
  "\u200b",
  "<!--",
  "-->",
  "</script>",
  "__proto__",
  "constructor",
  "${TfToken[TOKEN.1]}",
  '");\nglobalThis.__pwned = true;\n("',
  "*/ globalThis.__pwned = true; /*",
  "\u2028globalThis.__pwned = true;//",
  "`; globalThis.__pwned = true; `",
  '" + (globalThis.__pwned = true) + "',
  "${globalThis.__pwned = true}",
  '\\"); globalThis.__pwned = true; ("',
  "} }); globalThis.__pwned = true; ({ x: {",
];

/** One hostile text: breakers, random text (also lone surrogates) and the sentinel after every piece. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...BREAKERS) }, fc.string({ unit: "binary", maxLength: 6 }), fc.string({ maxLength: 6 })), {
    minLength: 1,
    maxLength: 5,
  })
  .map((pieces) => `${SENTINEL}${pieces.map((p) => `${p}${SENTINEL}`).join("")}`);

/** Text that stays one path segment of an ARM id (no `/`), so that the id still parses and the text goes further in. */
export const hostileSegment: fc.Arbitrary<string> = hostileText.map((t) => t.replace(/\//g, "|"));

/** Any JSON value where text is expected: numbers (huge, fractional, negative zero), booleans, null, lists, objects. */
export const wrongTyped: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(1e308, -0, Number("12345678901234567890"), 0.1, true, false, null, [], {}, JSON.parse('{ "__proto__": "x" }'), ["false"], {
    value: "x",
  }),
  fc.jsonValue({ maxDepth: 3 }),
);

type Json = { [key: string]: any };

const SUB = "00000000-0000-0000-0000-00000000a11e";
const OTHER_SUB = "00000000-0000-0000-0000-00000000b0b0";
const ID = (group: string, name: string, sub = SUB) =>
  `/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.Security/automations/${name}`;
const rule = (propertyJPath: string, expectedValue: string, operator = "Equals", propertyType = "String") => ({
  propertyJPath,
  operator,
  expectedValue,
  propertyType,
});

/**
 * A live export with one automation per destination kind, each using every field the reader takes
 * (tags, description, scopes with a resource group, typed and raw rules), all of which import adopts as
 * they are. `parts` replaces the segments of the first automation's id.
 */
export function liveExport(parts: { sub?: string; group?: string; name?: string } = {}): Json[] {
  const common = (id: string, name: string) => ({
    id,
    name,
    type: "Microsoft.Security/automations",
    location: "West Europe",
    tags: { owner: "secops", "cost-center": "42" },
  });
  return [
    {
      ...common(ID(parts.group ?? "rg-sec", parts.name ?? "ExportToWorkspace", parts.sub ?? SUB), parts.name ?? "ExportToWorkspace"),
      properties: {
        description: "alerts and raw findings to the SOC",
        isEnabled: true,
        scopes: [
          { description: "the subscription", scopePath: `/subscriptions/${SUB}/resourceGroups/rg-app` },
          { description: "another group", scopePath: `/subscriptions/${SUB}/resourceGroups/rg-data` },
        ],
        sources: [
          {
            eventSource: "Alerts",
            ruleSets: [{ rules: [rule("Severity", "High")] }, { rules: [rule("properties.alertDisplayName", "crypto", "Contains")] }],
          },
          { eventSource: "SecureScores", ruleSets: null },
        ],
        actions: [
          {
            actionType: "Workspace",
            workspaceResourceId: `/subscriptions/${SUB}/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc`,
          },
        ],
      },
    },
    {
      ...common(ID("rg-sec", "ExportToEventHub"), "ExportToEventHub"),
      properties: {
        description: "alerts to the SIEM",
        isEnabled: false,
        scopes: [{ description: "the subscription", scopePath: `/subscriptions/${SUB}` }],
        sources: [{ eventSource: "Alerts", ruleSets: [{ rules: [rule("Severity", "Medium")] }] }],
        actions: [
          {
            actionType: "EventHub",
            eventHubResourceId: `/subscriptions/${OTHER_SUB}/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/ns-siem/eventhubs/defender`,
          },
        ],
      },
    },
    {
      ...common(ID("rg-sec", "tickets"), "tickets"),
      properties: {
        description: "high alerts to tickets",
        isEnabled: true,
        scopes: [{ scopePath: `/subscriptions/${SUB}` }],
        sources: [{ eventSource: "Alerts", ruleSets: [{ rules: [rule("Severity", "High")] }] }],
        actions: [
          {
            actionType: "LogicApp",
            logicAppResourceId: `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Logic/workflows/tickets`,
          },
        ],
      },
    },
  ];
}

/** Where in a live export a hostile value goes: a path of keys and indexes, or a segment of an id. */
export interface Field {
  /** For messages. */
  readonly name: string;
  /** Puts the value into a fresh export. */
  readonly put: (value: unknown) => Json[];
  /** Whether only text of one id segment keeps the id parseable (the value is then a segment). */
  readonly segment?: boolean;
}

function at(path: ReadonlyArray<string | number>, item = 0): Field {
  return {
    name: `[${item}].${path.join(".")}`,
    put: (value) => {
      const live = liveExport();
      let o: Json = live[item];
      for (const key of path.slice(0, -1)) o = o[key];
      o[path[path.length - 1]] = value;
      return live;
    },
  };
}

/** A value as part of an id: text as it is, anything else as its JSON (an id is text, whatever went into it). */
function asSegment(value: unknown): string {
  return typeof value === "string" ? value : String(JSON.stringify(value));
}

function idSegment(name: "sub" | "group" | "name"): Field {
  return {
    name: `[0].id (${name})`,
    segment: true,
    put: (value) => {
      const live = liveExport({ [name]: asSegment(value) });
      if (name === "name") live[0].name = value;
      return live;
    },
  };
}

function resourceIdSegment(item: number, property: string, index: number): Field {
  return {
    name: `[${item}].properties.actions.0.${property} (segment ${index})`,
    segment: true,
    put: (value) => {
      const live = liveExport();
      const action = live[item].properties.actions[0];
      const parts = String(action[property]).split("/");
      parts[index] = asSegment(value);
      action[property] = parts.join("/");
      return live;
    },
  };
}

function tagKey(item: number): Field {
  return {
    name: `[${item}].tags (a key)`,
    put: (value) => {
      const live = liveExport();
      live[item].tags = JSON.parse(`{ ${JSON.stringify(String(value))}: "v", "owner": "secops" }`);
      return live;
    },
  };
}

/** Every field of a live automation the reader takes, each with its way of holding a hostile value. */
export const FIELDS: readonly Field[] = [
  at(["id"]),
  idSegment("sub"),
  idSegment("group"),
  idSegment("name"),
  at(["name"]),
  at(["type"]),
  at(["location"]),
  at(["location"], 1),
  at(["tags"]),
  at(["tags", "owner"]),
  at(["tags", "owner"], 2),
  tagKey(0),
  tagKey(1),
  at(["properties"]),
  at(["properties", "description"]),
  at(["properties", "description"], 1),
  at(["properties", "description"], 2),
  at(["properties", "isEnabled"]),
  at(["properties", "scopes"]),
  at(["properties", "scopes", 0]),
  at(["properties", "scopes", 0, "scopePath"]),
  at(["properties", "scopes", 1, "description"]),
  at(["properties", "sources"]),
  at(["properties", "sources", 0, "eventSource"]),
  at(["properties", "sources", 0, "ruleSets"]),
  at(["properties", "sources", 0, "ruleSets", 0, "rules"]),
  at(["properties", "sources", 0, "ruleSets", 1, "rules", 0, "propertyJPath"]),
  at(["properties", "sources", 0, "ruleSets", 1, "rules", 0, "operator"]),
  at(["properties", "sources", 0, "ruleSets", 1, "rules", 0, "expectedValue"]),
  at(["properties", "sources", 0, "ruleSets", 1, "rules", 0, "propertyType"]),
  at(["properties", "sources", 0, "ruleSets", 0, "rules", 0, "expectedValue"]),
  at(["properties", "actions"]),
  at(["properties", "actions", 0, "actionType"]),
  at(["properties", "actions", 0, "workspaceResourceId"]),
  resourceIdSegment(0, "workspaceResourceId", 4),
  resourceIdSegment(0, "workspaceResourceId", 8),
  resourceIdSegment(1, "eventHubResourceId", 2),
  resourceIdSegment(1, "eventHubResourceId", 8),
  resourceIdSegment(1, "eventHubResourceId", 10),
  resourceIdSegment(2, "logicAppResourceId", 8),
  at(["properties", "actions", 0, "isTrustedServiceEnabled"], 1),
  at(["properties", "actions", 0, "connectionString"], 1),
  at(["properties", "actions", 0, "uri"], 2),
  at(["properties", "unknownField"]),
];
