// Letters, digits, '-' and '_', starting with a letter or digit; stored upper-case.
export const DEPARTMENT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

export function normalizeDepartmentCode(code: string): string {
  return code.trim().toUpperCase();
}
