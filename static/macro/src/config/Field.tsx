// One labelled form field with its help text and, when the draft is invalid there, the message right under it.
import type { ReactNode } from 'react';

/** The id of a field's error line, for aria-describedby on its input. */
export const errorIdOf = (id: string) => `${id}-error`;
export const helpIdOf = (id: string) => `${id}-help`;

/** aria-describedby for an input: its help and, when invalid, its error. */
export function describedBy(id: string, hasHelp: boolean, error: string | undefined): string | undefined {
  const ids = [hasHelp ? helpIdOf(id) : null, error ? errorIdOf(id) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={errorIdOf(id)} data-error-for={id}>
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

export function Field({
  id,
  label,
  help,
  error,
  children,
  labelAs = 'label',
}: {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  error?: string;
  children: ReactNode;
  /** 'legend' when the field is a group of inputs (radios, several selects). */
  labelAs?: 'label' | 'legend';
}) {
  const body = (
    <>
      {children}
      {help ? (
        <p className="field-help" id={helpIdOf(id)}>
          {help}
        </p>
      ) : null}
      <FieldError id={id} message={error} />
    </>
  );
  if (labelAs === 'legend') {
    return (
      <fieldset className={`field${error ? ' invalid' : ''}`} data-field={id}>
        <legend className="field-label">{label}</legend>
        {body}
      </fieldset>
    );
  }
  return (
    <div className={`field${error ? ' invalid' : ''}`} data-field={id}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {body}
    </div>
  );
}
