import { PackRule } from "./rule";

/** DFC055: a field of a live automation of the wrong type, as the live reader set it aside. */
export const DFC055: PackRule = {
  id: "DFC055",
  level: "error",
  summary: "(live automations only) a field of the wrong type, e.g. `isEnabled` as text: the command does not guess what it means",
  explanation: "The command does not guess what a value of the wrong type means: fix it in Azure.",
  check: (input) => input.fieldProblems,
};
