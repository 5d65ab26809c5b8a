// One serializer for the send tool and the tests: the exact bytes the gateway signs.
export { gatewayJson } from '../../scripts/send/gateway-json.js';
