import { escalationRecipient, lowestCommonAncestor } from './escalation-ladder';

// CO > CORP > IT ; CO > OPS > PROD > LINE-A ; CORP > FIN > PAY
const paths: Record<string, string[]> = {
  CO: ['CO'],
  CORP: ['CO', 'CORP'],
  IT: ['CO', 'CORP', 'IT'],
  FIN: ['CO', 'CORP', 'FIN'],
  PAY: ['CO', 'CORP', 'FIN', 'PAY'],
  LINEA: ['CO', 'OPS', 'PROD', 'LINEA'],
};
const unit = (code: string) => ({ id: code, path: paths[code], leadId: `lead-${code}` });
const leadOf = (id: string) => `lead-${id}`;

describe('escalation ladder', () => {
  it('finds the lowest common ancestor', () => {
    expect(lowestCommonAncestor(paths.LINEA, paths.IT)).toBe('CO');
    expect(lowestCommonAncestor(paths.PAY, paths.IT)).toBe('CORP');
    expect(lowestCommonAncestor(paths.PAY, paths.FIN)).toBe('FIN');
  });

  it('goes assignee, supplier lead, then the lead above both sides', () => {
    const ctx = { assigneeId: 'agent', supplier: unit('IT'), customer: unit('LINEA'), leadOf };
    expect([1, 2, 3].map((rung) => escalationRecipient(rung, ctx))).toEqual([
      'agent',
      'lead-IT',
      'lead-CO',
    ]);
    const sibling = { ...ctx, customer: unit('PAY') };
    expect(escalationRecipient(3, sibling)).toBe('lead-CORP');
  });

  it('tells the supplier lead first when nobody is assigned', () => {
    expect(
      escalationRecipient(1, {
        assigneeId: null,
        supplier: unit('IT'),
        customer: unit('PAY'),
        leadOf,
      }),
    ).toBe('lead-IT');
  });

  it('climbs above the supplier when the supplier itself is the common ancestor', () => {
    // Payroll files to Finance: Finance is the common ancestor, its lead already had rung 2.
    expect(
      escalationRecipient(3, {
        assigneeId: null,
        supplier: unit('FIN'),
        customer: unit('PAY'),
        leadOf,
      }),
    ).toBe('lead-CORP');
  });
});
