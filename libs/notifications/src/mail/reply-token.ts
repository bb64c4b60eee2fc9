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
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// reply+<token>@domain, or null for any other address.
export function replyTokenOf(address: string, mailDomain: string): string | null {
  const match = /^reply\+([a-z2-7]+)@(.+)$/i.exec(address.trim());
  return match && match[2].toLowerCase() === mailDomain.toLowerCase() ? match[1] : null;
}

export function replyAddress(secret: string, messageId: string, mailDomain: string): string {
  return `reply+${signReplyToken(secret, messageId)}@${mailDomain}`;
}

function mac(secret: string, id: Buffer): Buffer {
  return createHmac('sha256', secret).update('reply:').update(id).digest().subarray(0, MAC_BYTES);
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
