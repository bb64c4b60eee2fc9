// Moved to requests.policy.ts; this name stays for branches in flight. Import requests.policy.
export * from './requests.policy';
