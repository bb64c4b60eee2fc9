import { useId } from 'react';
import { describedBy } from './settings-feedback';
import { timeZones } from './calendars/zoned-time';

// An IANA time zone typed or picked from the browser's list; `${id}-error` describes it when
// there is an error (the caller's FieldError).
export function TimeZoneInput({
  id,
  value,
  onChange,
  error,
  disabled,
}: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const list = useId();
  return (
    <>
      <input
        id={id}
        dir="ltr"
        list={list}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && `${id}-error`)}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={list}>
        {timeZones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </>
  );
}
