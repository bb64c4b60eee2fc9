import { createHmac, timingSafeEqual } from 'node:crypto';

// The token in a notification's Reply-To (reply+<token>@MAIL_DOMAIN) names the outgoing message
// it answers: its id (a uuid) and a MAC over it under the desk's mail secret. Lower-case base32,
// 42 characters, so the whole local part stays under SMTP's 64 and survives relays that fold
// case. What the message was (request, recipient) and how old it is are read from its row.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const MAC_BYTES = 10;
const TOKEN_LENGTH = Math.ceil(((16 + MAC_BYTES) * 8) / 5);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function signReplyToken(secret: string, messageId: string): string {
  if (!UUID.test(messageId)) throw new Error(`not a message id: ${messageId}`);
  const id = Buffer.from(messageId.replace(/-/g, ''), 'hex');
  return base32(Buffer.concat([id, mac(secret, id)]));
}

// The message id a token names, or null when it is malformed or its MAC does not match.
export function verifyReplyToken(secret: string, token: string): string | null {
  if (token.length !== TOKEN_LENGTH) return null;
  const bytes = unbase32(token.toLowerCase());
  if (!bytes || bytes.length !== 16 + MAC_BYTES) return null;
  const id = bytes.subarray(0, 16);
  if (!timingSafeEqual(mac(secret, id), bytes.subarray(16))) return null;
  return uuidOf(id);
}

// reply+<token>@domain, or null for any other address.
export function replyTokenOf(address: string, mailDomain: string): string | null {
  const match = /^reply\+([a-z2-7]+)@(.+)$/i.exec(address.trim());
  return match && match[2].toLowerCase() === mailDomain.toLowerCase() ? match[1] : null;
}

export function replyAddress(secret: string, messageId: string, mailDomain: string): string {
  return `reply+${signReplyToken(secret, messageId)}@${mailDomain}`;
}

// The one-click unsubscribe link's token (List-Unsubscribe, RFC 8058) names the person, the kind
// of mail and when the message was written, under the same secret and MAC as reply tokens but
// its own label ("unsubscribe:"), so neither token stands in for the other: lower-case base32 of
// user id (16 bytes), seconds since 1970 (4), the kind (ASCII), then the MAC.
const KIND = /^[A-Z_]{1,40}$/;

export interface UnsubscribeClaim {
  userId: string;
  kind: string;
  issuedAt: Date;
}

export function signUnsubscribeToken(
  secret: string,
  userId: string,
  kind: string,
  issuedAt: Date,
): string {
  if (!UUID.test(userId)) throw new Error(`not a user id: ${userId}`);
  if (!KIND.test(kind)) throw new Error(`not a notification kind: ${kind}`);
  const seconds = Buffer.alloc(4);
  seconds.writeUInt32BE(Math.floor(issuedAt.getTime() / 1000));
  const payload = Buffer.concat([
    Buffer.from(userId.replace(/-/g, ''), 'hex'),
    seconds,
    Buffer.from(kind, 'ascii'),
  ]);
  return base32(Buffer.concat([payload, mac(secret, payload, 'unsubscribe:')]));
}

// Who and what a token names, or null when it is malformed or its MAC does not match (how old
// it may be is the caller's rule).
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  if (token.length < 50 || token.length > 120) return null;
  const bytes = unbase32(token.toLowerCase());
  if (!bytes || bytes.length < 16 + 4 + 1 + MAC_BYTES) return null;
  const payload = bytes.subarray(0, bytes.length - MAC_BYTES);
  if (!timingSafeEqual(mac(secret, payload, 'unsubscribe:'), bytes.subarray(payload.length)))
    return null;
  const kind = payload.subarray(20).toString('ascii');
  if (!KIND.test(kind)) return null;
  return {
    userId: uuidOf(payload.subarray(0, 16)),
    kind,
    issuedAt: new Date(payload.readUInt32BE(16) * 1000),
  };
}

function uuidOf(id: Buffer): string {
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function mac(secret: string, bytes: Buffer, label = 'reply:'): Buffer {
  return createHmac('sha256', secret).update(label).update(bytes).digest().subarray(0, MAC_BYTES);
}

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Buffer | null {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}
