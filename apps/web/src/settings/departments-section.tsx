import { useCallback, useId, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { useAfterImport } from '../import/import-events';
import { useSignedInUser } from '../auth/session';
import { DepartmentDetails } from './departments/department-details';
import { DepartmentTree } from './departments/department-tree';
import { SettingsDepartmentsQuery } from './departments/departments-documents';
import { NewDepartmentForm } from './departments/new-department-form';
import { buildTree } from './departments/org-tree';
import '../styles/settings-departments.css';

const CONTEXT = { additionalTypenames: ['Department', 'User'] };

// The org chart: a tree to pick a department, its details and (administrators) its changes.
export function DepartmentsSection() {
  const intl = useIntl();
  const user = useSignedInUser();
  const canEdit = user.role === 'ADMIN';
  const treeLabel = useId();
  const [showArchived, setShowArchived] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: SettingsDepartmentsQuery,
    // Archived ones too, always: the toggle filters here, so a department just archived stays
    // selected (with its Restore button and the status that says it) while the tree hides it.
    variables: { includeArchived: true },
    context: CONTEXT,
  });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useAfterImport('org-chart', reload);
  const all = useMemo(() => data?.departments ?? [], [data]);
  const departments = useMemo(
    () => (showArchived ? all : all.filter((d) => !d.archived)),
    [all, showArchived],
  );
  const tree = useMemo(() => buildTree(departments, intl.locale), [departments, intl.locale]);
  const byId = useMemo(() => new Map(all.map((d) => [d.id, d])), [all]);
  const selected = selectedId ? byId.get(selectedId) : undefined;

  return (
    <div className="settings-departments">
      <div className="settings-toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />
          <FormattedMessage id="settings.departments.showArchived" defaultMessage="Show archived" />
        </label>
        <span className="muted">
          <FormattedMessage
            id="settings.departments.count"
            defaultMessage="{count, plural, one {# department} other {# departments}}"
            values={{ count: departments.length }}
          />
        </span>
      </div>
      {error && !data ? (
        <p role="alert" className="error">
          <FormattedMessage
            id="settings.departments.loadFailed"
            defaultMessage="The org chart could not be loaded."
          />
        </p>
      ) : null}
      <div className="dept-layout">
        <div className="dept-tree-wrap">
          <h3 id={treeLabel}>
            <FormattedMessage id="settings.departments.orgChart" defaultMessage="Org chart" />
          </h3>
          {fetching && !data ? (
            <p className="muted">
              <FormattedMessage id="settings.loading" defaultMessage="Loading…" />
            </p>
          ) : (
            <DepartmentTree
              tree={tree}
              selectedId={selected?.id ?? null}
              labelId={treeLabel}
              onSelect={(d) => setSelectedId(d.id)}
            />
          )}
        </div>
        <div className="dept-side">
          {selected ? (
            <DepartmentDetails
              key={selected.id}
              dept={selected}
              tree={tree}
              byId={byId}
              canEdit={canEdit}
              onChanged={reload}
            />
          ) : (
            <p className="card muted">
              <FormattedMessage
                id="settings.departments.pick"
                defaultMessage="Select a department in the org chart to see it and change it."
              />
            </p>
          )}
          {canEdit ? (
            <NewDepartmentForm
              tree={tree}
              defaultParentId={selected && !selected.archived ? selected.id : null}
              onCreated={(id) => {
                reload();
                setSelectedId(id);
              }}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
