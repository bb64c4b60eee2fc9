import { EntityManager } from 'typeorm';

// Structural changes (create, move, archive, import) take this transaction lock, so two
// concurrent moves can never build a cycle between them.
const ORG_TREE_LOCK_KEY = 7_240_001;

export async function lockOrgTree(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [ORG_TREE_LOCK_KEY]);
}

// Recomputes path and depth of every department from parent_id in one statement.
export async function rebuildOrgPaths(manager: EntityManager): Promise<void> {
  await manager.query(`
    WITH RECURSIVE tree AS (
      SELECT id, ARRAY[id] AS path FROM departments WHERE parent_id IS NULL
      UNION ALL
      SELECT d.id, tree.path || d.id FROM departments d JOIN tree ON d.parent_id = tree.id
    )
    UPDATE departments d
       SET path = tree.path, depth = cardinality(tree.path) - 1
      FROM tree
     WHERE d.id = tree.id AND (d.path IS DISTINCT FROM tree.path OR d.depth <> cardinality(tree.path) - 1)`);
}
