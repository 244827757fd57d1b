// The macro's one resource serves two places: the configuration panel (extension.macro.isConfiguring) and the map
// on the page. An unconfigured macro shows an invitation to configure it and calls no resolver.
import { useEffect, useState } from 'react';
import { ErrorState, LoadingState } from '../../shared/states';
import { ConfigPanel } from './config/ConfigPanel';
import { readMacroContext, type MacroContext } from './macro-context';
import { OwnershipMapView } from './map/OwnershipMapView';
import { NotConfigured } from './NotConfigured';

export function App() {
  const [context, setContext] = useState<MacroContext | 'failed' | undefined>();
  useEffect(() => {
    readMacroContext().then(setContext, () => setContext('failed'));
  }, []);

  if (context === undefined) return <LoadingState label="Loading…" />;
  if (context === 'failed') {
    return (
      <ErrorState
        error={{ code: 'internal', message: 'The page did not tell the macro where it is. Reload the page.' }}
      />
    );
  }
  if (context.configuring) return <ConfigPanel saved={context.config} />;
  if (context.config === undefined) return <NotConfigured />;
  return <OwnershipMapView siteUrl={context.siteUrl} config={context.config} />;
}
