// The example organisation of DOMAIN.md, with the codes the docs use.
export const DEMO_DEPARTMENTS: { code: string; name: string; parent: string | null }[] = [
  { code: 'CO', name: 'Company', parent: null },
  { code: 'OPS', name: 'Operations', parent: 'CO' },
  { code: 'PROD', name: 'Production', parent: 'OPS' },
  { code: 'LINE-A', name: 'Assembly Line A', parent: 'PROD' },
  { code: 'LOG', name: 'Logistics', parent: 'OPS' },
  { code: 'CORP', name: 'Corporate', parent: 'CO' },
  { code: 'FIN', name: 'Finance', parent: 'CORP' },
  { code: 'PAY', name: 'Payroll', parent: 'FIN' },
  { code: 'HR', name: 'HR', parent: 'CORP' },
  { code: 'IT', name: 'IT', parent: 'CORP' },
  { code: 'COM', name: 'Commercial', parent: 'CO' },
  { code: 'MKT', name: 'Marketing', parent: 'COM' },
  { code: 'SALES', name: 'Sales', parent: 'COM' },
];

export const DEMO_PASSWORD = 'intradesk-demo';
export const DEMO_TIME_ZONE = 'Europe/London';
export const DEMO_EMAIL_DOMAIN = 'demo.intradesk.test';

export function demoEmail(code: string, who: 'lead' | 'agent' | 'member'): string {
  return `${who}.${code.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`;
}
