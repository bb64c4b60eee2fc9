// What a person may do in Intradesk: the one definition, in core because every caller
// (AuthUser) carries it. Organization registers it as the GraphQL enum `Role`; the rules that
// read it live in each context's *.policy.ts.
export enum Role {
  MEMBER = 'MEMBER',
  AGENT = 'AGENT',
  LEAD = 'LEAD',
  OPS = 'OPS',
  ADMIN = 'ADMIN',
}
