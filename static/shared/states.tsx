// The states every view shares besides its data: loading, empty, not configured, each resolver error with a sentence
// and (where trying again can help) a Retry button, and the notice that the data is incomplete.
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { ReactNode } from 'react';
import type { DataGap } from '../../src/jira/site';
import { formatMoment } from './format';
import type { ResolverError } from './invoke';
import { SyncingState } from './sync';
import { colors, fonts, space } from './theme';

/** Spinner and a line saying what is happening; announced to screen readers. */
export function LoadingState({ label = 'Reading Jira…' }: { label?: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      data-state="loading"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: space['100'],
        padding: `${space['300']} ${space['200']}`,
        color: colors.textSubtle,
        font: fonts.body,
      }}
    >
      <Spinner size="medium" label={label} />
      <span>{label}</span>
    </div>
  );
}

/** Nothing to show, and why: e.g. "No activity in this window". */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div data-state="empty">
      <SectionMessage appearance="information" title={title}>
        {children}
      </SectionMessage>
    </div>
  );
}

/** A view that needs settings before it can show anything: a friendly invitation, never an error. */
export function NotConfiguredState({
  title = 'Configure this ownership map',
  children,
  action,
}: {
  title?: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div data-state="not-configured">
      <SectionMessage appearance="discovery" title={title}>
        {children}
        {action === undefined ? null : <div style={{ marginTop: space['150'] }}>{action}</div>}
      </SectionMessage>
    </div>
  );
}

interface ErrorLook {
  title: string;
  appearance: 'warning' | 'error' | 'information';
  /** Whether asking again may help (busy or failing Jira, a lost connection). */
  retry: boolean;
}

/** Every answer that is not data, but `syncing`: that one is progress, not an error (SyncingState). */
const ERROR_LOOKS: Record<Exclude<ResolverError['code'], 'syncing'>, ErrorLook> = {
  'bad-config': { title: 'Some settings are not valid', appearance: 'error', retry: false },
  'bad-request': { title: 'The request was not understood', appearance: 'error', retry: true },
  'not-configured': { title: 'Not configured yet', appearance: 'information', retry: false },
  'no-access': { title: 'You cannot see this Jira data', appearance: 'warning', retry: false },
  'not-found': { title: 'Not found in Jira', appearance: 'warning', retry: true },
  'rate-limited': { title: 'Jira is busy right now', appearance: 'warning', retry: true },
  'jira-error': { title: 'Jira did not answer', appearance: 'error', retry: true },
  'not-installed': { title: 'The app is not installed on Jira', appearance: 'warning', retry: false },
  'too-slow': { title: 'Jira answered too slowly', appearance: 'warning', retry: true },
  internal: { title: 'Something went wrong', appearance: 'error', retry: true },
};

type InvalidField = NonNullable<ResolverError['fields']>[number];

/**
 * A resolver error as the user should see it: a title by code, the resolver's sentence, the invalid settings
 * (bad-config; `describeField` words each one as the settings panel does, so both say the same) and a Retry
 * button when trying again can help. A `syncing` answer is no error: it shows the background read's progress and
 * calls `onRetry` once the scope is stored, so every view that asks again on Retry shows its data then.
 */
export function ErrorState({
  error,
  onRetry,
  describeField = (field) => `${field.path === '' ? 'Settings' : field.path}: ${field.message}`,
  action,
}: {
  error: ResolverError;
  onRetry?: () => void;
  describeField?: (field: InvalidField) => string;
  action?: ReactNode;
}) {
  if (error.code === 'syncing') return <SyncingState progress={error.progress} onReady={onRetry} />;
  const look = ERROR_LOOKS[error.code] ?? ERROR_LOOKS.internal;
  const fields = error.fields ?? [];
  return (
    <div data-state={error.code} role="alert">
      <SectionMessage appearance={look.appearance} title={look.title}>
        <p style={{ margin: 0 }}>{error.message}</p>
        {error.retryAt === undefined ? null : (
          <p style={{ margin: `${space['100']} 0 0` }} data-retry-at={error.retryAt}>
            Jira will answer again from {formatMoment(error.retryAt)}.
          </p>
        )}
        {fields.length > 0 ? (
          <ul
            style={{ margin: `${space['100']} 0 0`, paddingLeft: space['300'] }}
            aria-label="Invalid settings"
          >
            {fields.map((field) => (
              <li key={`${field.path}:${field.message}`}>{describeField(field)}</li>
            ))}
          </ul>
        ) : null}
        {(look.retry && onRetry) || action ? (
          <div style={{ display: 'flex', gap: space['100'], marginTop: space['150'] }}>
            {look.retry && onRetry ? <Button onClick={() => onRetry()}>Retry</Button> : null}
            {action}
          </div>
        ) : null}
      </SectionMessage>
    </div>
  );
}

/**
 * "This map is missing data: …": shown whenever a result is incomplete, so a partial answer never passes as whole.
 * `subject` names the view ("map", "breakdown", "review").
 */
export function DataGapsNotice({ gaps, subject = 'map' }: { gaps: readonly DataGap[]; subject?: string }) {
  return (
    <div data-state="incomplete">
      <SectionMessage appearance="warning" title={`This ${subject} is missing data`}>
        <p style={{ margin: 0 }}>
          {gaps.length === 0
            ? `Jira did not return everything this ${subject} needs; treat it as partial.`
            : `This ${subject} is missing data: it shows only what Jira returned, so treat it as partial.`}
        </p>
        {gaps.length > 0 ? (
          <ul style={{ margin: `${space['100']} 0 0`, paddingLeft: space['300'] }}>
            {gaps.map((gap, index) => (
              <li key={`${gap.kind}:${index}`}>{gap.message}</li>
            ))}
          </ul>
        ) : null}
      </SectionMessage>
    </div>
  );
}
