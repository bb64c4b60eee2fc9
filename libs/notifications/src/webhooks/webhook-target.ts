import { promises as dns } from 'node:dns';
import { isIP, LookupFunction } from 'node:net';
import { Injectable } from '@nestjs/common';
import { AppConfig, DomainException, ErrorReason } from '@intradesk/core';
import * as ipaddr from 'ipaddr.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

// Turns a host name into every address it stands for. A seam: tests give names their own
// answers (DNS rebinding included) without a DNS server.
export abstract class WebhookResolver {
  abstract resolve(hostname: string): Promise<ResolvedAddress[]>;
}

// The system resolver (getaddrinfo: /etc/hosts, then DNS), as a plain connection would use it.
@Injectable()
export class DnsWebhookResolver extends WebhookResolver {
  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    const found = await dns.lookup(hostname, { all: true, verbatim: true });
    return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  }
}

const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address (this machine)',
  private: 'a private-network address',
  carrierGradeNat: 'a carrier-grade NAT (shared) address',
  linkLocal: 'a link-local address (e.g. a cloud metadata service)',
  uniqueLocal: 'a unique-local (private) IPv6 address',
  multicast: 'a multicast address',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
};

// Why a webhook may not reach this address, in words; null for a public unicast address. Only
// what ipaddr.js calls plain unicast passes; IPv4-mapped IPv6 is judged as its IPv4 address.
export function addressRefusal(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.process(address.replace(/^\[|\]$/g, ''));
  } catch {
    return 'not an IP address';
  }
  const range = ip.range();
  if (range === 'unicast') return null;
  return RANGE_WORDS[range] ?? `a reserved or special-purpose address (${range})`;
}

// A target that passed the checks: the connection must go to one of these addresses (none:
// private networks are allowed, the system resolver decides).
export interface CheckedTarget {
  url: URL;
  addresses: ResolvedAddress[] | null;
}

export class WebhookTargetRefused extends Error {}

// Server-side request forgery guard: a webhook reaches public addresses only (every address its
// name resolves to), over https in production, unless WEBHOOK_ALLOW_PRIVATE_NETWORKS=true.
@Injectable()
export class WebhookTargets {
  constructor(
    private readonly resolver: WebhookResolver,
    private readonly config: AppConfig,
  ) {}

  // At creation: BAD_USER_INPUT (reason WEBHOOK_TARGET_REFUSED) with why, in words.
  async checkInput(url: URL): Promise<CheckedTarget> {
    try {
      return await this.check(url);
    } catch (error) {
      if (!(error instanceof WebhookTargetRefused)) throw error;
      throw DomainException.badInput(error.message, ['url']).because(
        ErrorReason.WEBHOOK_TARGET_REFUSED,
      );
    }
  }

  // At each delivery: WebhookTargetRefused with why.
  async check(url: URL): Promise<CheckedTarget> {
    if (this.config.webhooksMayReachPrivateNetworks) return { url, addresses: null };
    if (url.protocol !== 'https:' && this.config.isProduction) {
      throw new WebhookTargetRefused('Webhooks must use https: in production, not plain http:');
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: ResolvedAddress[];
    if (isIP(host)) {
      addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
    } else {
      addresses = await this.resolver.resolve(host).catch(() => []);
      if (addresses.length === 0) {
        throw new WebhookTargetRefused(`The host name ${host} could not be resolved`);
      }
    }
    for (const { address } of addresses) {
      const refusal = addressRefusal(address);
      if (refusal) {
        const via = address === host ? '' : ` (${host} resolves to ${address})`;
        throw new WebhookTargetRefused(
          `Webhooks may only reach public addresses: ${address} is ${refusal}${via}`,
        );
      }
    }
    return { url, addresses };
  }
}

// A socket lookup that answers only with the checked addresses, so the connection goes where
// the check looked (a second DNS answer, e.g. rebinding to 127.0.0.1, is never asked for).
export function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    const candidates = addresses.filter((a) => !wanted || a.family === wanted);
    const done = callback as (
      error: NodeJS.ErrnoException | null,
      address: string | ResolvedAddress[],
      family?: number,
    ) => void;
    if (candidates.length === 0) {
      const error: NodeJS.ErrnoException = new Error(`No checked address for ${hostname}`);
      error.code = 'ENOTFOUND';
      return done(error, '');
    }
    if (options.all) return done(null, candidates);
    done(null, candidates[0].address, candidates[0].family);
  };
}
