import type { Role } from './role.enum';

// The signed-in caller as every resolver and service sees it.
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
}
