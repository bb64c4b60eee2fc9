import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { AppConfig, DomainException } from '@intradesk/core';
import {
  addressRefusal,
  pinnedLookup,
  ResolvedAddress,
  WebhookResolver,
  WebhookTargetRefused,
  WebhookTargets,
} from './webhook-target';

// Names answer from this table: a seam for DNS, no server needed.
class TableResolver extends WebhookResolver {
  constructor(readonly table: Record<string, string[]>) {
    super();
  }
  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    return (this.table[hostname] ?? []).map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
  }
}

const config = (values: Partial<AppConfig>) => Object.assign(new AppConfig(), values);

const PUBLIC_V4 = '93.184.215.14';
const PUBLIC_V6 = '2606:4700:4700::1111';

describe('addressRefusal', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.8.9.10', /loopback/],
    ['10.1.2.3', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.254', /private/],
    ['192.168.1.1', /private/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['169.254.169.254', /link-local/],
    ['0.0.0.0', /unspecified/],
    ['224.0.0.1', /multicast/],
    ['255.255.255.255', /broadcast/],
    ['192.0.2.1', /reserved/],
    ['::1', /loopback/],
    ['[::1]', /loopback/],
    ['::', /unspecified/],
    ['fe80::1', /link-local/],
    ['fd00::1', /unique-local/],
    ['fc00::1', /unique-local/],
    ['ff02::1', /multicast/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:10.0.0.1', /private/],
    ['::ffff:169.254.169.254', /link-local/],
    ['64:ff9b::a00:1', /special-purpose/],
    ['not an address', /not an IP/],
  ])('refuses %s', (address, words) => {
    expect(addressRefusal(address)).toMatch(words);
  });

  it.each([PUBLIC_V4, '8.8.8.8', '172.32.0.1', PUBLIC_V6, `::ffff:${PUBLIC_V4}`])(
    'lets %s through',
    (address) => expect(addressRefusal(address)).toBeNull(),
  );
});

describe('WebhookTargets', () => {
  const names = new TableResolver({
    'hooks.example.com': [PUBLIC_V4, PUBLIC_V6],
    'internal.example.com': ['10.0.0.7'],
    'mixed.example.com': [PUBLIC_V4, 'fd12::3'],
  });
  const production = new WebhookTargets(names, config({ NODE_ENV: 'production' }));
  const refusal = (url: string) =>
    production.check(new URL(url)).then(
      () => null,
      (error: Error) => {
        expect(error).toBeInstanceOf(WebhookTargetRefused);
        return error.message;
      },
    );

  it('refuses non-public addresses and plain http in production, with the reason', async () => {
    expect(await refusal('https://127.0.0.1/hook')).toMatch(/127\.0\.0\.1 is a loopback/);
    expect(await refusal('https://10.1.2.3/hook')).toMatch(/private/);
    expect(await refusal('https://169.254.169.254/latest/meta-data')).toMatch(/link-local/);
    expect(await refusal('https://[::1]:8443/hook')).toMatch(/::1 is a loopback/);
    expect(await refusal('https://[fd00::1]/hook')).toMatch(/unique-local/);
    expect(await refusal('https://[::ffff:127.0.0.1]/hook')).toMatch(/loopback/);
    // The URL parser normalises other spellings of an address first.
    expect(await refusal('https://2130706433/hook')).toMatch(/loopback/);
    expect(await refusal('https://0x7f.1/hook')).toMatch(/loopback/);
    expect(await refusal('http://hooks.example.com/hook')).toMatch(/https: in production/);
  });

  it('checks every address a name resolves to', async () => {
    expect(await refusal('https://internal.example.com/x')).toMatch(
      /internal\.example\.com resolves to 10\.0\.0\.7/,
    );
    expect(await refusal('https://mixed.example.com/x')).toMatch(/fd12::3 is a unique-local/);
    expect(await refusal('https://nowhere.example.com/x')).toMatch(/could not be resolved/);
    const checked = await production.check(new URL('https://hooks.example.com/x'));
    expect(checked.addresses?.map((a) => a.address)).toEqual([PUBLIC_V4, PUBLIC_V6]);
  });

  it('answers BAD_USER_INPUT with reason WEBHOOK_TARGET_REFUSED at creation', async () => {
    const error = await production.checkInput(new URL('https://10.0.0.1/')).catch((e) => e);
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['url'],
      reason: 'WEBHOOK_TARGET_REFUSED',
    });
    expect(error.message).toMatch(/10\.0\.0\.1 is a private-network address/);
  });

  it('allows private networks and http with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true', async () => {
    const open = new WebhookTargets(
      names,
      config({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }),
    );
    for (const url of ['http://127.0.0.1:9/x', 'https://internal.example.com/', 'http://[::1]/'])
      await expect(open.check(new URL(url))).resolves.toMatchObject({ addresses: null });
  });

  it('allows plain http outside production, private addresses still not', async () => {
    const development = new WebhookTargets(names, config({ NODE_ENV: 'development' }));
    await expect(development.check(new URL('http://hooks.example.com/'))).resolves.toBeTruthy();
    await expect(development.check(new URL('http://127.0.0.1/'))).rejects.toThrow(/loopback/);
  });
});

describe('pinnedLookup', () => {
  it('connects to the checked address, never asking DNS again', async () => {
    const server = http.createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      // The name exists nowhere: only the pinned answer can bring the request to the server.
      const status = await new Promise<number>((resolve, reject) => {
        http
          .request(
            {
              hostname: 'pinned.invalid',
              port,
              method: 'POST',
              agent: false,
              lookup: pinnedLookup([{ address: '127.0.0.1', family: 4 }]),
            },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          )
          .on('error', reject)
          .end();
      });
      expect(status).toBe(204);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('answers in both callback shapes and by family', () => {
    const lookup = pinnedLookup([
      { address: PUBLIC_V4, family: 4 },
      { address: PUBLIC_V6, family: 6 },
    ]);
    const calls: unknown[][] = [];
    const record = (...args: unknown[]) => calls.push(args);
    lookup('x', { all: true }, record as never);
    lookup('x', { family: 6 }, record as never);
    lookup('x', {}, record as never);
    expect(calls[0][1]).toHaveLength(2);
    expect(calls[1].slice(1)).toEqual([PUBLIC_V6, 6]);
    expect(calls[2].slice(1)).toEqual([PUBLIC_V4, 4]);
  });
});
