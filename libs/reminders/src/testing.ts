export {
  WebhookReceiver,
  newWebhookSecret,
  eventually,
  type Receipt,
  type ReceiverAnswer,
  type Responder,
} from './testing/webhook-receiver';
