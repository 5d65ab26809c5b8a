export { identifyGatewayPayload, parseGatewayPayload } from './parse-gateway-payload.js';
export type {
  DedupeIdentity,
  IdentifiedDelivery,
  IntakeDelivery,
  ParsedDelivery,
  RecognizedDelivery,
  UnrecognizedDelivery,
} from './parsed-delivery.js';
export { isKnownGatewayEvent } from './payload-routes.js';
