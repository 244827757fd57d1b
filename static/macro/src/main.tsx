// Entry of the macro bundle (the map and its custom configuration share this one resource): the host's theme,
// Atlassian's base stylesheet, then the app.
import '../../shared/zod-csp';
import '@atlaskit/css-reset';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme } from '../../shared/theme';
import { App } from './App';
import './macro.css';

void enableTheme();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
