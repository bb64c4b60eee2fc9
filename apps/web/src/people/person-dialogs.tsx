import { FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { refusalOf } from '../api/errors';
import type { Role } from '../auth/session';
import type { PersonRowFragment } from '../gql/graphql';
import { Modal } from './modal';
import { UpdatePersonMutation } from './people-documents';
import { refusalText, roleLabel, ROLES } from './people-labels';

export interface DepartmentOption {
  id: string;
  code: string;
  name: string;
}

// Name, role and department of one person; only what changed is sent.
export function EditPersonDialog({
  person,
  departments,
  onClose,
  onSaved,
}: {
  person: PersonRowFragment;
  departments: DepartmentOption[];
  onClose: () => void;
  onSaved: (person: PersonRowFragment) => void;
}) {
  const intl = useIntl();
  const ids = { title: useId(), name: useId(), role: useId(), department: useId(), error: useId() };
  const [name, setName] = useState(person.name);
  const [role, setRole] = useState<Role>(person.role);
  const [departmentId, setDepartmentId] = useState(person.department?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState(false);
  const [{ fetching }, update] = useMutation(UpdatePersonMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(true);
      return;
    }
    setNameError(false);
    setError(null);
    const input: { id: string; name?: string; role?: Role; departmentId?: string | null } = {
      id: person.id,
    };
    if (name.trim() !== person.name) input.name = name.trim();
    if (role !== person.role) input.role = role;
    if (departmentId !== (person.department?.id ?? ''))
      input.departmentId = departmentId === '' ? null : departmentId;
    if (Object.keys(input).length === 1) {
      onClose();
      return;
    }
    const result = await update({ input });
    const refusal = refusalOf(result.error);
    if (refusal || !result.data) {
      setError(refusal ? refusalText(intl, refusal) : null);
      return;
    }
    onSaved(result.data.updateUser);
  };

  // The person's current department stays choosable even when it is archived.
  const options =
    person.department && !departments.some((d) => d.id === person.department!.id)
      ? [person.department, ...departments]
      : departments;

  return (
    <Modal labelledBy={ids.title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h3 id={ids.title}>
          <FormattedMessage
            id="people.edit.title"
            defaultMessage="Edit {name}"
            values={{ name: <bdi>{person.name}</bdi> }}
          />
        </h3>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor={ids.name}>
            <FormattedMessage id="people.edit.name" defaultMessage="Name" />
          </label>
          <input
            id={ids.name}
            dir="auto"
            required
            maxLength={200}
            value={name}
            aria-invalid={nameError || undefined}
            aria-describedby={nameError ? ids.error : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {nameError && (
            <p id={ids.error} role="alert" className="field-error">
              <FormattedMessage id="people.edit.nameRequired" defaultMessage="Enter a name." />
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.role}>
            <FormattedMessage id="people.edit.role" defaultMessage="Role" />
          </label>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(intl, r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.department}>
            <FormattedMessage id="people.edit.department" defaultMessage="Department" />
          </label>
          <select
            id={ids.department}
            value={departmentId}
            onChange={(e) => setDepartmentId(e.target.value)}
          >
            <option value="">
              {intl.formatMessage({ id: 'people.edit.noDepartment', defaultMessage: 'None' })}
            </option>
            {options.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.code})
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" disabled={fetching}>
            <FormattedMessage id="people.edit.save" defaultMessage="Save" />
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            <FormattedMessage id="people.cancel" defaultMessage="Cancel" />
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function ConfirmDeactivateDialog({
  person,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  person: PersonRowFragment;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} onClose={onClose}>
      <h3 id={titleId}>
        <FormattedMessage
          id="people.deactivate.title"
          defaultMessage="Deactivate {name}?"
          values={{ name: <bdi>{person.name}</bdi> }}
        />
      </h3>
      <p>
        <FormattedMessage
          id="people.deactivate.explain"
          defaultMessage="They are signed out at once and can no longer sign in. Their requests and history stay, marked as deactivated. You can reactivate them later."
        />
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          <FormattedMessage id="people.deactivate" defaultMessage="Deactivate" />
        </button>
        <button type="button" className="secondary" onClick={onClose} autoFocus>
          <FormattedMessage id="people.cancel" defaultMessage="Cancel" />
        </button>
      </div>
    </Modal>
  );
}

export function ResetLinkDialog({
  name,
  url,
  expiresAt,
  onClose,
}: {
  name: string;
  url: string;
  expiresAt: string;
  onClose: () => void;
}) {
  const intl = useIntl();
  const titleId = useId();
  const linkId = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <Modal labelledBy={titleId} onClose={onClose}>
      <h3 id={titleId}>
        <FormattedMessage
          id="people.resetLink.title"
          defaultMessage="One-time link for {name}"
          values={{ name: <bdi>{name}</bdi> }}
        />
      </h3>
      <p>
        <FormattedMessage
          id="people.resetLink.explain"
          defaultMessage="Give this link to them yourself: with it they set a new password and are signed in. It works once, until {expires}, and any earlier link no longer works."
          values={{
            expires: intl.formatDate(expiresAt, { dateStyle: 'medium', timeStyle: 'short' }),
          }}
        />
      </p>
      <div className="field">
        <label htmlFor={linkId}>
          <FormattedMessage id="people.resetLink.label" defaultMessage="Set-password link" />
        </label>
        <input
          id={linkId}
          className="people-link"
          dir="ltr"
          readOnly
          value={url}
          onFocus={(e) => e.target.select()}
        />
      </div>
      <p role="status" className="settings-status">
        {copied === 'yes' &&
          intl.formatMessage({ id: 'people.resetLink.copied', defaultMessage: 'Copied.' })}
        {copied === 'no' &&
          intl.formatMessage({
            id: 'people.resetLink.copyFailed',
            defaultMessage: 'Could not copy: select the link and copy it yourself.',
          })}
      </p>
      <div className="actions">
        <button type="button" onClick={() => void copy()} autoFocus>
          <FormattedMessage id="people.resetLink.copy" defaultMessage="Copy" />
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          <FormattedMessage id="people.close" defaultMessage="Close" />
        </button>
      </div>
    </Modal>
  );
}
