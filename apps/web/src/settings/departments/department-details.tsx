import { FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { refusalOf } from '../../api/errors';
import { isTimeZone } from '../calendars/zoned-time';
import { describedBy, Feedback, FeedbackLine, FieldError } from '../settings-feedback';
import {
  ArchiveDepartmentMutation,
  DepartmentCalendarsQuery,
  MoveDepartmentMutation,
  RestoreDepartmentMutation,
  SetDepartmentLeadMutation,
  UpdateDepartmentMutation,
} from './departments-documents';
import { Dept, flatten, TreeNode } from './org-tree';
import { TimeZoneInput } from '../time-zone-input';

const ROOT = '';

// The selected department: its facts, and (for administrators) rename, move, level, lead,
// time zone and calendar, archive and restore. Each change says what happened: a status when
// done, an alert when refused.
export function DepartmentDetails({
  dept,
  tree,
  byId,
  canEdit,
  onChanged,
}: {
  dept: Dept;
  tree: TreeNode[];
  byId: Map<string, Dept>;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const ids = {
    heading: useId(),
    name: useId(),
    parent: useId(),
    level: useId(),
    lead: useId(),
    zone: useId(),
    calendar: useId(),
  };
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [name, setName] = useState(dept.name);
  const [nameError, setNameError] = useState<string>();
  const [parentId, setParentId] = useState(dept.parent?.id ?? ROOT);
  const [level, setLevel] = useState(dept.explicitLevel != null ? String(dept.explicitLevel) : '');
  const [levelError, setLevelError] = useState<string>();
  const [leadId, setLeadId] = useState(dept.lead?.id ?? '');
  const [zone, setZone] = useState(dept.timeZone);
  const [zoneError, setZoneError] = useState<string>();
  // '' is the organisation default (calendarId null), which is also what a department shows
  // when its own calendar is the default one.
  const [calendarId, setCalendarId] = useState(
    dept.calendar && !dept.calendar.isDefault ? dept.calendar.id : '',
  );
  const [calendars] = useQuery({
    query: DepartmentCalendarsQuery,
    pause: !canEdit,
    requestPolicy: 'cache-and-network',
  });
  const defaultCalendar = calendars.data?.businessCalendars.find((c) => c.isDefault);
  const [update, doUpdate] = useMutation(UpdateDepartmentMutation);
  const [move, doMove] = useMutation(MoveDepartmentMutation);
  const [archive, doArchive] = useMutation(ArchiveDepartmentMutation);
  const [restore, doRestore] = useMutation(RestoreDepartmentMutation);
  const [lead, doLead] = useMutation(SetDepartmentLeadMutation);
  const busy =
    update.fetching || move.fetching || archive.fetching || restore.fetching || lead.fetching;
  const parent = dept.parent ? byId.get(dept.parent.id) : undefined;
  const label = (d: Dept) => `${d.name} (${d.code})`;
  const nameOf = (code: string) => {
    const found = [...byId.values()].find((d) => d.code === code);
    return found ? label(found) : code;
  };

  const settle = (result: { error?: Parameters<typeof refusalOf>[0] }, done: string): boolean => {
    const refusal = refusalOf(result.error);
    if (refusal) {
      setFeedback({ kind: 'refused', refusal });
      return false;
    }
    setFeedback({ kind: 'ok', text: done });
    onChanged();
    return true;
  };

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(
        intl.formatMessage({
          id: 'settings.departments.nameRequired',
          defaultMessage: 'Enter a name.',
        }),
      );
      return;
    }
    setNameError(undefined);
    const result = await doUpdate({ input: { id: dept.id, name: name.trim() } });
    settle(
      result,
      intl.formatMessage(
        { id: 'settings.departments.renamed', defaultMessage: 'Renamed to {name}.' },
        { name: name.trim() },
      ),
    );
  };

  const moveIt = async (event: FormEvent) => {
    event.preventDefault();
    const target = parentId === ROOT ? null : parentId;
    const result = await doMove({ id: dept.id, parentId: target });
    const where = target ? byId.get(target) : undefined;
    settle(
      result,
      where
        ? intl.formatMessage(
            {
              id: 'settings.departments.moved',
              defaultMessage: '{department} now sits under {parent}.',
            },
            { department: label(dept), parent: label(where) },
          )
        : intl.formatMessage(
            {
              id: 'settings.departments.movedToRoot',
              defaultMessage: '{department} is now a root department.',
            },
            { department: label(dept) },
          ),
    );
  };

  const saveLevel = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = level.trim();
    const value = trimmed === '' ? null : Number(trimmed);
    if (value !== null && (!Number.isInteger(value) || value < 0 || value > 99)) {
      setLevelError(
        intl.formatMessage({
          id: 'settings.departments.levelInvalid',
          defaultMessage: 'A level is a whole number from 0 to 99, or empty to follow the tree.',
        }),
      );
      return;
    }
    setLevelError(undefined);
    const result = await doUpdate({ input: { id: dept.id, level: value } });
    settle(
      result,
      value === null
        ? intl.formatMessage(
            {
              id: 'settings.departments.levelCleared',
              defaultMessage: 'The level follows the tree again: {depth, number}.',
            },
            { depth: dept.depth },
          )
        : intl.formatMessage(
            {
              id: 'settings.departments.levelSet',
              defaultMessage: 'Level set to {level, number}.',
            },
            { level: value },
          ),
    );
  };

  const saveLead = async (event: FormEvent) => {
    event.preventDefault();
    const result = await doLead({ departmentId: dept.id, userId: leadId || null });
    const person = dept.members.find((m) => m.id === leadId);
    settle(
      result,
      person
        ? intl.formatMessage(
            {
              id: 'settings.departments.leadSet',
              defaultMessage: '{name} now leads {department}.',
            },
            { name: person.name, department: label(dept) },
          )
        : intl.formatMessage(
            {
              id: 'settings.departments.leadCleared',
              defaultMessage: '{department} has no lead now.',
            },
            { department: label(dept) },
          ),
    );
  };

  const saveTime = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = zone.trim();
    if (!isTimeZone(trimmed)) {
      setZoneError(
        intl.formatMessage({
          id: 'settings.departments.timeZoneInvalid',
          defaultMessage: 'Choose a time zone from the list, such as Europe/London.',
        }),
      );
      return;
    }
    setZoneError(undefined);
    const result = await doUpdate({
      input: { id: dept.id, timeZone: trimmed, calendarId: calendarId || null },
    });
    const calendar = calendars.data?.businessCalendars.find((c) => c.id === calendarId);
    settle(
      result,
      intl.formatMessage(
        {
          id: 'settings.departments.timeSaved',
          defaultMessage: '{department} now works in {zone}, by the calendar {calendar}.',
        },
        {
          department: label(dept),
          zone: trimmed,
          calendar: calendar?.name ?? defaultCalendar?.name ?? '',
        },
      ),
    );
  };

  const archiveOrRestore = async () => {
    if (dept.archived) {
      settle(
        await doRestore({ id: dept.id }),
        intl.formatMessage(
          { id: 'settings.departments.restored', defaultMessage: '{department} is active again.' },
          { department: label(dept) },
        ),
      );
    } else {
      settle(
        await doArchive({ id: dept.id }),
        intl.formatMessage(
          { id: 'settings.departments.archived', defaultMessage: '{department} is archived.' },
          { department: label(dept) },
        ),
      );
    }
  };

  // Every active department but this one may be offered: the API refuses a move under its
  // own subtree, and says why.
  const parents = flatten(tree).filter((n) => n.dept.id !== dept.id && !n.dept.archived);

  return (
    <section className="card dept-details" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>
        <bdi>{dept.name}</bdi> <span className="dept-code">{dept.code}</span>
      </h3>
      <dl className="facts">
        <dt>
          <FormattedMessage id="settings.departments.parent" defaultMessage="Parent" />
        </dt>
        <dd>
          {parent ? (
            <bdi>{label(parent)}</bdi>
          ) : (
            <FormattedMessage
              id="settings.departments.isRoot"
              defaultMessage="None (a root department)"
            />
          )}
        </dd>
        <dt>
          <FormattedMessage id="settings.departments.level" defaultMessage="Level" />
        </dt>
        <dd>
          {dept.explicitLevel != null ? (
            <FormattedMessage
              id="settings.departments.levelExplicit"
              defaultMessage="{level, number}, set by an administrator (depth in the tree {depth, number})"
              values={{ level: dept.level, depth: dept.depth }}
            />
          ) : (
            <FormattedMessage
              id="settings.departments.levelByDepth"
              defaultMessage="{level, number}, its depth in the tree"
              values={{ level: dept.level }}
            />
          )}
        </dd>
        <dt>
          <FormattedMessage id="settings.departments.lead" defaultMessage="Lead" />
        </dt>
        <dd>
          {dept.lead ? (
            <bdi>{dept.lead.name}</bdi>
          ) : (
            <FormattedMessage id="settings.departments.noLead" defaultMessage="No lead" />
          )}
        </dd>
        <dt>
          <FormattedMessage id="settings.departments.members" defaultMessage="Members" />
        </dt>
        <dd>{intl.formatNumber(dept.members.length)}</dd>
        <dt>
          <FormattedMessage id="settings.departments.timeZone" defaultMessage="Time zone" />
        </dt>
        <dd>
          <bdi>{dept.timeZone}</bdi>
        </dd>
        <dt>
          <FormattedMessage id="settings.departments.calendar" defaultMessage="Calendar" />
        </dt>
        <dd>
          {dept.calendar ? (
            <bdi>{dept.calendar.name}</bdi>
          ) : (
            <FormattedMessage id="settings.departments.noCalendar" defaultMessage="None" />
          )}
        </dd>
        <dt>
          <FormattedMessage id="settings.departments.state" defaultMessage="State" />
        </dt>
        <dd>
          {dept.archived ? (
            <FormattedMessage id="settings.departments.stateArchived" defaultMessage="Archived" />
          ) : (
            <FormattedMessage id="settings.departments.stateActive" defaultMessage="Active" />
          )}
        </dd>
      </dl>

      {!canEdit ? (
        <p className="muted">
          <FormattedMessage
            id="settings.departments.readOnly"
            defaultMessage="Only administrators change departments."
          />
        </p>
      ) : (
        <>
          <FeedbackLine feedback={feedback} nameOf={nameOf} />

          <form className="settings-inline-form" onSubmit={moveIt} noValidate>
            <div className="field">
              <label htmlFor={ids.parent}>
                <FormattedMessage id="settings.departments.newParent" defaultMessage="New parent" />
              </label>
              <select
                id={ids.parent}
                value={parentId}
                disabled={dept.archived}
                onChange={(e) => setParentId(e.target.value)}
              >
                <option value={ROOT}>
                  {intl.formatMessage({
                    id: 'settings.departments.noParent',
                    defaultMessage: 'No parent (a root department)',
                  })}
                </option>
                {parents.map((n) => (
                  <option key={n.dept.id} value={n.dept.id}>
                    {'\u00a0\u00a0'.repeat(n.depth - 1)}
                    {label(n.dept)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" disabled={busy || dept.archived}>
              <FormattedMessage id="settings.departments.move" defaultMessage="Move" />
            </button>
          </form>

          <form className="settings-inline-form" onSubmit={rename} noValidate>
            <div className="field">
              <label htmlFor={ids.name}>
                <FormattedMessage id="settings.departments.newName" defaultMessage="New name" />
              </label>
              <input
                id={ids.name}
                dir="auto"
                value={name}
                maxLength={200}
                aria-invalid={nameError ? true : undefined}
                aria-describedby={describedBy(nameError && `${ids.name}-error`)}
                onChange={(e) => setName(e.target.value)}
              />
              <FieldError id={`${ids.name}-error`} message={nameError} />
            </div>
            <button type="submit" className="secondary" disabled={busy}>
              <FormattedMessage id="settings.departments.rename" defaultMessage="Rename" />
            </button>
          </form>

          <form className="settings-inline-form" onSubmit={saveLevel} noValidate>
            <div className="field">
              <label htmlFor={ids.level}>
                <FormattedMessage
                  id="settings.departments.explicitLevel"
                  defaultMessage="Explicit level"
                />
              </label>
              <input
                id={ids.level}
                type="number"
                min={0}
                max={99}
                inputMode="numeric"
                value={level}
                className="narrow"
                aria-invalid={levelError ? true : undefined}
                aria-describedby={describedBy(
                  `${ids.level}-hint`,
                  levelError && `${ids.level}-error`,
                )}
                onChange={(e) => setLevel(e.target.value)}
              />
              <p id={`${ids.level}-hint`} className="muted hint">
                <FormattedMessage
                  id="settings.departments.explicitLevelHint"
                  defaultMessage="Empty: the depth in the tree ({depth, number}). The relationship rule compares levels."
                  values={{ depth: dept.depth }}
                />
              </p>
              <FieldError id={`${ids.level}-error`} message={levelError} />
            </div>
            <button type="submit" className="secondary" disabled={busy}>
              <FormattedMessage id="settings.departments.setLevel" defaultMessage="Set level" />
            </button>
          </form>

          <form className="settings-inline-form" onSubmit={saveLead} noValidate>
            <div className="field">
              <label htmlFor={ids.lead}>
                <FormattedMessage id="settings.departments.leadField" defaultMessage="Team lead" />
              </label>
              <select id={ids.lead} value={leadId} onChange={(e) => setLeadId(e.target.value)}>
                <option value="">
                  {intl.formatMessage({
                    id: 'settings.departments.noLead',
                    defaultMessage: 'No lead',
                  })}
                </option>
                {dept.members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="secondary" disabled={busy}>
              <FormattedMessage id="settings.departments.setLead" defaultMessage="Set lead" />
            </button>
          </form>

          <form className="settings-inline-form" onSubmit={saveTime} noValidate>
            <div className="field">
              <label htmlFor={ids.zone}>
                <FormattedMessage
                  id="settings.departments.timeZoneField"
                  defaultMessage="Time zone"
                />
              </label>
              <TimeZoneInput id={ids.zone} value={zone} error={zoneError} onChange={setZone} />
              <FieldError id={`${ids.zone}-error`} message={zoneError} />
            </div>
            <div className="field">
              <label htmlFor={ids.calendar}>
                <FormattedMessage
                  id="settings.departments.calendarField"
                  defaultMessage="Business calendar"
                />
              </label>
              <select
                id={ids.calendar}
                value={calendarId}
                onChange={(e) => setCalendarId(e.target.value)}
              >
                <option value="">
                  {intl.formatMessage(
                    {
                      id: 'settings.departments.defaultCalendar',
                      defaultMessage: 'The organisation default ({name})',
                    },
                    { name: defaultCalendar?.name ?? '…' },
                  )}
                </option>
                {calendars.data?.businessCalendars
                  .filter((c) => !c.isDefault)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} ({c.timeZone})
                    </option>
                  ))}
              </select>
            </div>
            <button type="submit" className="secondary" disabled={busy}>
              <FormattedMessage
                id="settings.departments.saveTime"
                defaultMessage="Save time zone and calendar"
              />
            </button>
          </form>

          <div className="actions">
            <button
              type="button"
              className={dept.archived ? 'secondary' : 'danger'}
              disabled={busy}
              onClick={() => void archiveOrRestore()}
            >
              {dept.archived ? (
                <FormattedMessage id="settings.departments.restore" defaultMessage="Restore" />
              ) : (
                <FormattedMessage id="settings.departments.archive" defaultMessage="Archive" />
              )}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
