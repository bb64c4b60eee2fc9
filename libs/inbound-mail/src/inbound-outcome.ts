// What became of an incoming message (or of one recipient of it): counted in
// inbound_mail_counts under this name, and logged.
export enum DropReason {
  // Refused at RCPT TO: a recipient outside MAIL_DOMAIN (no open relay).
  RELAY_DENIED = 'RELAY_DENIED',
  // Refused at RCPT TO: neither reply+<token> nor a department's address.
  UNKNOWN_RECIPIENT = 'UNKNOWN_RECIPIENT',
  // Refused at RCPT TO: a reply token whose signature does not match.
  FORGED_TOKEN = 'FORGED_TOKEN',
  // Refused at connection: a client outside INBOUND_SMTP_ALLOWED_NETWORKS.
  NETWORK_DENIED = 'NETWORK_DENIED',
  // Refused at DATA: larger than INBOUND_MAIL_MAX_BYTES.
  OVERSIZED = 'OVERSIZED',
  // Dropped after DATA (accepted with 250 so that no bounce goes back to a forged sender).
  BOUNCE = 'BOUNCE',
  AUTO_REPLY = 'AUTO_REPLY',
  BULK = 'BULK',
  // From a desk address itself (reply+… or a department's address at MAIL_DOMAIN).
  OWN_ADDRESS = 'OWN_ADDRESS',
  UNKNOWN_SENDER = 'UNKNOWN_SENDER',
  DEACTIVATED_SENDER = 'DEACTIVATED_SENDER',
  // A valid token whose outgoing message is unknown (purged) or older than MAIL_REPLY_TOKEN_DAYS.
  EXPIRED_TOKEN = 'EXPIRED_TOKEN',
  // A reply whose From is not the person the notification was sent to.
  SENDER_MISMATCH = 'SENDER_MISMATCH',
  // The notification named no request.
  NO_REQUEST = 'NO_REQUEST',
  // Nothing left once the quoted text and the signature are taken out.
  EMPTY = 'EMPTY',
  // The desk's own rules refused (the error's reason is logged), e.g. a user in no department.
  REFUSED = 'REFUSED',
  UNPARSABLE = 'UNPARSABLE',
  // One file of an accepted reply left out: past ATTACHMENT_MAX_BYTES or the request's total.
  ATTACHMENT_DROPPED = 'ATTACHMENT_DROPPED',
}

export enum AcceptedOutcome {
  COMMENTED = 'COMMENTED',
  FILED = 'FILED',
  // The same Message-ID for the same recipient again: nothing new.
  DUPLICATE = 'DUPLICATE',
}

export type InboundOutcome = DropReason | AcceptedOutcome;
