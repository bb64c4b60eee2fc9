import { DropReason } from './inbound-outcome';
import { loopReason } from './loop-detection';

const person = (headers: Record<string, unknown> = {}, envelopeFrom = 'ana@example.org') => ({
  envelopeFrom,
  headers: new Map(Object.entries(headers)),
  fromAddress: 'ana@example.org',
});

describe('loopReason: machine mail is told from a person', () => {
  it('a person: null, also with Auto-Submitted: no', () => {
    expect(loopReason(person())).toBeNull();
    expect(loopReason(person({ 'auto-submitted': 'no' }))).toBeNull();
    expect(loopReason(person({ 'auto-submitted': 'No ; comment' }))).toBeNull();
    expect(loopReason(person({ precedence: 'first-class' }))).toBeNull();
  });

  it.each([
    ['auto-replied', { 'auto-submitted': 'auto-replied' }],
    ['auto-generated', { 'auto-submitted': 'auto-generated' }],
    ['auto-notified with a parameter', { 'auto-submitted': 'auto-notified; owner-email="x@y"' }],
    ['X-Autoreply', { 'x-autoreply': 'yes' }],
    ['X-Autorespond', { 'x-autorespond': 'Out of office' }],
  ])('auto-replies: %s', (_name, headers) => {
    expect(loopReason(person(headers))).toBe(DropReason.AUTO_REPLY);
  });

  it.each(['bulk', 'junk', 'list', 'Bulk '])('Precedence: %s', (precedence) => {
    expect(loopReason(person({ precedence }))).toBe(DropReason.BULK);
  });

  it('bounces: a null envelope sender, Return-Path <>, a delivery report, MAILER-DAEMON', () => {
    expect(loopReason(person({}, ''))).toBe(DropReason.BOUNCE);
    expect(loopReason(person({}, '<>'))).toBe(DropReason.BOUNCE);
    expect(loopReason(person({ 'return-path': '<>' }))).toBe(DropReason.BOUNCE);
    expect(
      loopReason({
        ...person(),
        contentType: 'multipart/report; report-type=delivery-status; boundary="x"',
      }),
    ).toBe(DropReason.BOUNCE);
    expect(
      loopReason(
        person({ 'content-type': { value: 'multipart/report', params: { 'report-type': 'x' } } }),
      ),
    ).toBe(DropReason.BOUNCE);
    expect(loopReason({ ...person(), fromAddress: 'MAILER-DAEMON@mx.example.org' })).toBe(
      DropReason.BOUNCE,
    );
  });
});
