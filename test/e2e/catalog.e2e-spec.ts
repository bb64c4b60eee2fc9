import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { fileRequest } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const CREATE =
  'mutation($i: CreateServiceInput!) { createService(input: $i) { id name defaultPriority active supplier { code } } }';
const UPDATE =
  'mutation($i: UpdateServiceInput!) { updateService(input: $i) { id name active version } }';

describe('service catalogue', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  let itLead: GraphqlClient;
  let laptopId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ids = await departmentIds(t.dataSource);
    itLead = await t.login(demoEmail('IT', 'lead'));
  });
  afterAll(() => t.close());

  it("lets the supplier's lead add a service, which everyone can browse", async () => {
    const data = await itLead.data(CREATE, {
      i: {
        supplierId: ids.IT,
        name: 'Laptop',
        description: 'New or replacement',
        defaultPriority: 'P2',
      },
    });
    laptopId = data.createService.id;
    expect(data.createService).toMatchObject({
      name: 'Laptop',
      defaultPriority: 'P2',
      active: true,
      supplier: { code: 'IT' },
    });
    const member = await t.login(demoEmail('SALES', 'member'));
    expect((await member.data('{ services { name } }')).services).toEqual([{ name: 'Laptop' }]);
    const it = await member.data('{ department(code: "IT") { services { name } } }');
    expect(it.department.services).toEqual([{ name: 'Laptop' }]);
  });

  it('is FORBIDDEN to agents, members and other departments’ leads', async () => {
    for (const email of [
      demoEmail('IT', 'agent'),
      demoEmail('IT', 'member'),
      demoEmail('HR', 'lead'),
      `ops@${DEMO_EMAIL_DOMAIN}`,
    ]) {
      const error = await (
        await t.login(email)
      ).error(CREATE, { i: { supplierId: ids.IT, name: 'Sneaky' } });
      expect(error.extensions?.code).toBe('FORBIDDEN');
    }
    const admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
    expect(
      (await admin.data(CREATE, { i: { supplierId: ids.HR, name: 'Payslip copy' } })).createService
        .name,
    ).toBe('Payslip copy');
  });

  it('refuses a duplicate name in any case, per supplier', async () => {
    const error = await itLead.error(CREATE, { i: { supplierId: ids.IT, name: 'LAPTOP' } });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', fields: ['input.name'] });
  });

  it('gives requests the service’s default priority, and refuses a withdrawn service', async () => {
    const member = await t.login(demoEmail('MKT', 'member'));
    const request = await fileRequest(member, ids.IT, { serviceId: laptopId });
    expect(request.priority).toBe('P2');
    const withdrawn = await itLead.data(UPDATE, {
      i: { id: laptopId, active: false, expectedVersion: 1 },
    });
    expect(withdrawn.updateService).toMatchObject({ active: false, version: 2 });
    const error = await member.error(
      'mutation($i: CreateRequestInput!) { createRequest(input: $i) { id } }',
      {
        i: { supplierId: ids.IT, title: 'x', serviceId: laptopId },
      },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.serviceId'] });
    expect((await member.data('{ services { name } }')).services).toEqual([
      { name: 'Payslip copy' },
    ]);
    const stale = await itLead.error(UPDATE, {
      i: { id: laptopId, name: 'Old', expectedVersion: 1 },
    });
    expect(stale.extensions?.code).toBe('CONFLICT');
  });
});
