export * from "./model";
export * from "./destinations/destination";
export * from "./destinations/log-analytics";
export * from "./destinations/event-hub";
export { ConsumerAccess, EventHubConsumer, EventHubConsumerOptions } from "./destinations/event-hub-consumer";
export * from "./destinations/logic-app";
export * from "./continuous-export";
export * from "./report";
