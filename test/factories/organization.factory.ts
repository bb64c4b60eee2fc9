import { DataSource } from 'typeorm';

// Department ids by code, straight from the database.
export async function departmentIds(dataSource: DataSource): Promise<Record<string, string>> {
  const rows: { code: string; id: string }[] = await dataSource.query(
    'SELECT code, id FROM departments',
  );
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

export async function countRows(
  dataSource: DataSource,
  table: 'departments' | 'users' | 'request_ratings' | 'kudos' | 'survey_answers',
): Promise<number> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
  return count;
}

// A fingerprint of the whole org tree, to prove a refused call changed nothing.
export async function orgSnapshot(dataSource: DataSource): Promise<string> {
  const rows = await dataSource.query(
    `SELECT code, name, parent_id, level, depth, path, time_zone, lead_id, archived_at, version
       FROM departments ORDER BY code`,
  );
  const users = await dataSource.query(
    'SELECT email, role, department_id FROM users ORDER BY email',
  );
  return JSON.stringify({ rows, users });
}
