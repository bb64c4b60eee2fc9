// The signed-in caller as every resolver and service sees it.
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: 'MEMBER' | 'AGENT' | 'LEAD' | 'OPS' | 'ADMIN';
  departmentId: string | null;
}
