export * from "./errors";
export * from "./rule";
export * from "./severity";
export * from "./data-type";
export * from "./catalogue";
export * from "./export";
export * from "./sources";
