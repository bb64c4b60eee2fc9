import { FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { refusalOf } from '../../api/errors';
import { describedBy, Feedback, FeedbackLine, FieldError } from '../settings-feedback';
import { CreateDepartmentMutation } from './departments-documents';
import { flatten, TreeNode } from './org-tree';

const CODE = /^[A-Za-z0-9_-]{1,32}$/;

// A new department: code, name and where it sits (by default under the selected one).
export function NewDepartmentForm({
  tree,
  defaultParentId,
  onCreated,
}: {
  tree: TreeNode[];
  defaultParentId: string | null;
  onCreated: (id: string) => void;
}) {
  const intl = useIntl();
  const ids = { heading: useId(), code: useId(), name: useId(), parent: useId() };
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ code?: string; name?: string }>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [result, create] = useMutation(CreateDepartmentMutation);
  const parent = parentId ?? defaultParentId ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!CODE.test(code.trim()))
      next.code = intl.formatMessage({
        id: 'settings.departments.codeInvalid',
        defaultMessage: "A code is 1 to 32 letters, digits, '-' or '_', for example IT.",
      });
    if (!name.trim())
      next.name = intl.formatMessage({
        id: 'settings.departments.nameRequired',
        defaultMessage: 'Enter a name.',
      });
    setErrors(next);
    if (next.code || next.name) {
      document.getElementById(next.code ? ids.code : ids.name)?.focus();
      return;
    }
    const created = await create({
      input: { code: code.trim(), name: name.trim(), parentId: parent || null },
    });
    const refusal = refusalOf(created.error);
    if (refusal) {
      const fields = Array.isArray(refusal.extensions.fields) ? refusal.extensions.fields : [];
      if (refusal.reason === 'DUPLICATE' || fields.includes('input.code'))
        setErrors({
          code: intl.formatMessage({
            id: 'settings.departments.codeTaken',
            defaultMessage: 'That code is already taken.',
          }),
        });
      setFeedback({ kind: 'refused', refusal });
      return;
    }
    setFeedback({
      kind: 'ok',
      text: intl.formatMessage(
        { id: 'settings.departments.created', defaultMessage: 'Department {name} created.' },
        { name: `${name.trim()} (${code.trim().toUpperCase()})` },
      ),
    });
    setCode('');
    setName('');
    if (created.data) onCreated(created.data.createDepartment.id);
  };

  return (
    <form className="card settings-form" aria-labelledby={ids.heading} onSubmit={submit} noValidate>
      <h3 id={ids.heading}>
        <FormattedMessage id="settings.departments.new" defaultMessage="New department" />
      </h3>
      <div className="settings-grid">
        <div className="field">
          <label htmlFor={ids.code}>
            <FormattedMessage id="settings.departments.code" defaultMessage="Code" />
          </label>
          <input
            id={ids.code}
            dir="ltr"
            value={code}
            maxLength={32}
            autoComplete="off"
            aria-invalid={errors.code ? true : undefined}
            aria-describedby={describedBy(errors.code && `${ids.code}-error`)}
            onChange={(e) => setCode(e.target.value)}
          />
          <FieldError id={`${ids.code}-error`} message={errors.code} />
        </div>
        <div className="field">
          <label htmlFor={ids.name}>
            <FormattedMessage id="settings.departments.name" defaultMessage="Name" />
          </label>
          <input
            id={ids.name}
            dir="auto"
            value={name}
            maxLength={200}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy(errors.name && `${ids.name}-error`)}
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError id={`${ids.name}-error`} message={errors.name} />
        </div>
        <div className="field">
          <label htmlFor={ids.parent}>
            <FormattedMessage
              id="settings.departments.parentField"
              defaultMessage="Parent department"
            />
          </label>
          <select id={ids.parent} value={parent} onChange={(e) => setParentId(e.target.value)}>
            <option value="">
              {intl.formatMessage({
                id: 'settings.departments.noParent',
                defaultMessage: 'No parent (a root department)',
              })}
            </option>
            {flatten(tree)
              .filter((n) => !n.dept.archived)
              .map((n) => (
                <option key={n.dept.id} value={n.dept.id}>
                  {'\u00a0\u00a0'.repeat(n.depth - 1)}
                  {n.dept.name} ({n.dept.code})
                </option>
              ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="submit" disabled={result.fetching}>
          <FormattedMessage id="settings.departments.create" defaultMessage="Create department" />
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </form>
  );
}
