// Polling with a deadline is core's, re-exported for the suites that import it from here.
export { eventually } from '@task-api/core/testing';
export {
  WebhookReceiver,
  newWebhookSecret,
  type Receipt,
  type ReceiverAnswer,
  type Responder,
} from './testing/webhook-receiver';
