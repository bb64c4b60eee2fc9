import { ReactNode, useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { FieldError } from './field-error';
import { DESCRIPTION_MAX, TITLE_MAX } from './validate-request';

// Step 2 of the wizard: the request in the requester's own words.
export function DetailsFields({
  title,
  description,
  errors,
  refs,
  onTitle,
  onDescription,
  files,
}: {
  title: string;
  description: string;
  errors: { title?: string; description?: string };
  // Where the form finds the fields to focus the first one to fix.
  refs: Partial<Record<'title' | 'description', HTMLElement | null>>;
  onTitle: (value: string) => void;
  onDescription: (value: string) => void;
  // The files to file with it (NewRequestFiles), under the description.
  files?: ReactNode;
}) {
  const intl = useIntl();
  const ids = { title: useId(), description: useId() };
  return (
    <fieldset className="wizard-step">
      <legend>
        <span className="step-number" aria-hidden="true">
          {intl.formatNumber(2)}
        </span>
        <FormattedMessage id="newRequest.step.details" defaultMessage="What you need" />
      </legend>
      <div className="field">
        <label htmlFor={ids.title}>
          <FormattedMessage id="newRequest.title" defaultMessage="Title" />
        </label>
        <input
          id={ids.title}
          ref={(el) => void (refs.title = el)}
          name="title"
          dir="auto"
          value={title}
          maxLength={TITLE_MAX}
          required
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={`${ids.title}-count${errors.title ? ` ${ids.title}-error` : ''}`}
          onChange={(e) => onTitle(e.target.value)}
        />
        <p id={`${ids.title}-count`} className="muted hint">
          <FormattedMessage
            id="newRequest.title.count"
            defaultMessage="{used, number} of {max, number} characters"
            values={{ used: title.length, max: TITLE_MAX }}
          />
        </p>
        <FieldError id={`${ids.title}-error`} message={errors.title} />
      </div>
      <div className="field">
        <label htmlFor={ids.description}>
          <FormattedMessage id="newRequest.description" defaultMessage="Description" />
        </label>
        <textarea
          id={ids.description}
          ref={(el) => void (refs.description = el)}
          name="description"
          dir="auto"
          rows={6}
          value={description}
          maxLength={DESCRIPTION_MAX}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={`${ids.description}-hint${errors.description ? ` ${ids.description}-error` : ''}`}
          onChange={(e) => onDescription(e.target.value)}
        />
        <p id={`${ids.description}-hint`} className="muted hint">
          <FormattedMessage
            id="newRequest.description.hint"
            defaultMessage="What you need, by when, and anything the supplier should know. Optional."
          />
        </p>
        <FieldError id={`${ids.description}-error`} message={errors.description} />
      </div>
      {files}
    </fieldset>
  );
}
