// Entry of the Jira views bundle (jira:projectPage and jira:sprintAction): turns on the host's theme, then renders.
import '../../shared/zod-csp';
import { createRoot } from 'react-dom/client';
import { enableTheme } from '../../shared/theme';
import { App } from './app/App';
import './app/styles.css';

void enableTheme();
const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
