export enum Role {
  MEMBER = 'MEMBER',
  AGENT = 'AGENT',
  LEAD = 'LEAD',
  OPS = 'OPS',
  ADMIN = 'ADMIN',
}
